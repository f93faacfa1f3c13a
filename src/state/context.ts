// Typed context helpers: App.svelte creates the app state once and every view reads it from here.
import { getContext, setContext } from 'svelte';
import type { Compute } from './compute.svelte';
import type { CustomersState } from './customers.svelte';
import type { ModelTraining } from './model-training.svelte';
import type { DatasetStore } from './dataset-store.svelte';
import type { ExploreState } from './explore.svelte';
import type { ForecastRun } from './forecast-run.svelte';
import type { HierarchyRun } from './hierarchy-run.svelte';
import type { PromotionsState } from './promotions.svelte';
import type { HomeState } from './home.svelte';
import type { ImportFlow } from './import-flow.svelte';
import type { PlanState } from './plan.svelte';
import type { ReviewRatings } from './review-ratings.svelte';
import type { FakeReviews } from './fake-reviews.svelte';
import type { ReportState } from './report.svelte';
import type { Prefs } from './prefs.svelte';
import type { SqlConsole } from './sql-console.svelte';

/** Everything the views share. */
export interface AppState {
	datasets: DatasetStore;
	importFlow: ImportFlow;
	explore: ExploreState;
	forecast: ForecastRun;
	batch: ForecastRun;
	/** Category / store / total forecasts, reconciled (Forecast screen). */
	hierarchy: HierarchyRun;
	/** Imported promotions files (Forecast screen). */
	promotions: PromotionsState;
	prefs: Prefs;
	plan: PlanState;
	sql: SqlConsole;
	/** The deep models' compute backend (Settings). */
	compute: Compute;
	customers: CustomersState;
	/** Ratings learned from reviews (Customers). */
	ratings: ReviewRatings;
	/** Fake/OK marks on reviews and the classifier learnt from them (Customers). */
	fakeReviews: FakeReviews;
	/** The home dashboard of the open dataset. */
	home: HomeState;
	/** Deep-model training, saved models and their forecasts (Models). */
	models: ModelTraining;
	/** PDFs and kept reports (the report worker). */
	report: ReportState;
	/** Switch screens (the tab bar in App.svelte). */
	navigate: (view: ViewName) => void;
}

export type ViewName =
	| 'home'
	| 'import'
	| 'explore'
	| 'forecast'
	| 'plan'
	| 'market'
	| 'customers'
	| 'models'
	| 'report'
	| 'settings';

const KEY = Symbol('trendcast-app');

export function setAppState(state: AppState): AppState {
	return setContext(KEY, state);
}

export function getAppState(): AppState {
	const state = getContext<AppState | undefined>(KEY);
	if (!state) throw new Error('getAppState() called outside <App>');
	return state;
}
