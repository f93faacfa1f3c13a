// HomeState: the home dashboard of the open dataset. It reads the best sellers' and the total's weekly
// sales (and the categories', when mapped) from the data worker, and asks the home worker for the
// dashboard; the plan's rows, the risk flags and the market topics are added as they arrive (each
// addition rebuilds the lines in the worker; the accuracy checks are cached there). The latest dataset
// wins: an answer for a dataset the user left is dropped.
import type { HomeDashboard, HomeFlag, HomePlanRow, HomeTopic } from '../core/home/dashboard';
import type { ProductSummary } from '../core/ingest/types';
import type { SeriesBatch } from '../core/types';
import type { HomeRequest } from '../../workers/home-api';
import type { DataClient } from '../lib/workers/data-client';
import type { HomeClient } from '../lib/workers/home-client';
import { LatestRequest } from './latest.svelte';
import { startupMark } from '../lib/startup-marks';

/** Best sellers (by revenue) whose sales are read for the rising/falling lists. */
export const HOME_PRODUCTS = 100;
/** Categories read for the rising/falling lists. */
const HOME_CATEGORIES = 20;

type Base = Pick<HomeRequest, 'cacheKey' | 'products' | 'total' | 'categories' | 'titles'>;

function plainBatch(b: SeriesBatch): SeriesBatch {
	return {
		ids: [...b.ids],
		indptr: b.indptr.slice(),
		ds: b.ds.slice(),
		y: b.y.slice(),
		...(b.edges ? { edges: { ...b.edges } } : {}),
	};
}

export class HomeState extends LatestRequest<HomeDashboard> {
	datasetId = $state<string | null>(null);

	#data: DataClient;
	#home: HomeClient;
	#base: Base | null = null;
	/** The stored content of the open dataset the dashboard was read from (datasetVersion). */
	#version = '';
	#plan: HomeRequest['plan'];
	#flags: HomeRequest['flags'];
	#topics: HomeRequest['topics'];

	constructor(data: DataClient, home: HomeClient) {
		super();
		this.#data = data;
		this.#home = home;
	}

	/** The dashboard of the open dataset, once built. */
	get dashboard(): HomeDashboard | null {
		return this.report;
	}

	/** Read the dataset's sales and build its dashboard (again only when asked). */
	async open(
		datasetId: string,
		summary: readonly ProductSummary[],
		force = false,
		version = '',
	): Promise<void> {
		// the same dataset with rows added since (the next export) is read again
		if (
			!force &&
			this.datasetId === datasetId &&
			this.#version === version &&
			(this.#base || this.loading)
		)
			return;
		this.datasetId = datasetId;
		this.#version = version;
		this.report = null;
		this.#base = null;
		this.#plan = undefined;
		this.#flags = undefined;
		this.#topics = undefined;
		await this.latest(
			async (isLatest) => {
				const top = [...summary]
					.sort((a, b) => b.revenue - a.revenue || a.productId.localeCompare(b.productId))
					.slice(0, HOME_PRODUCTS);
				const weekly = { freq: 'week', measure: 'units' } as const;
				const products = await this.#data.querySeries(datasetId, {
					productIds: top.map((p) => p.productId),
					...weekly,
				});
				const total = await this.#data.querySeries(datasetId, { productIds: null, ...weekly });
				let categories: SeriesBatch | null = null;
				const groups = await this.#data.groupSummary(datasetId, 'category');
				if (groups.mapped && groups.groups.length > 1)
					categories = await this.#data.querySeries(datasetId, {
						productIds: groups.groups.slice(0, HOME_CATEGORIES).map((g) => g.group),
						groupBy: 'category',
						...weekly,
					});
				if (!isLatest()) return null;
				this.#base = {
					cacheKey: `${datasetId}|${version}|${total.ds.length}|${summary.length}`,
					products: plainBatch(products),
					total: plainBatch(total),
					categories: categories ? plainBatch(categories) : null,
					titles: Object.fromEntries(top.map((p) => [p.productId, p.description])),
				};
				startupMark('home:series');
				const dashboard = await this.#home.dashboard(this.#request(this.#base));
				startupMark('home:dashboard');
				return dashboard;
			},
			{ quietAbort: true },
		);
	}

	/** Add the plan's rows (the reorders, stock-outs and overstock). */
	setPlan(datasetId: string, rows: readonly HomePlanRow[], hasStock: boolean): void {
		if (datasetId !== this.datasetId) return;
		this.#plan = {
			hasStock,
			rows: rows.map((r) => ({
				productId: r.productId,
				orderQty: r.orderQty,
				revenueAtRisk: r.revenueAtRisk,
				overstockValue: r.overstockValue,
				daysOfCover: r.daysOfCover,
				leadTimeMeanDays: r.leadTimeMeanDays,
				meanDemand: r.meanDemand,
				onHand: r.onHand,
				alert: r.alert
					? { ...r.alert, ...(r.alert.params ? { params: { ...r.alert.params } } : {}) }
					: null,
			})),
		};
		this.#rebuild();
	}

	/** Add the risk flags (null: the dataset has no customers). */
	setFlags(datasetId: string, flags: readonly HomeFlag[] | null): void {
		if (datasetId !== this.datasetId) return;
		this.#flags = flags
			? flags.map((f) => ({
					id: f.id,
					kind: f.kind,
					subject: f.subject,
					score: f.score,
					reasons: f.reasons.map((r) => ({
						code: r.code,
						...(r.params ? { params: { ...r.params } } : {}),
					})),
					...(f.markedOk ? { markedOk: true } : {}),
				}))
			: null;
		this.#rebuild();
	}

	/** Add the market data's rising and falling topics. */
	setTopics(
		datasetId: string,
		topics: { rising: readonly HomeTopic[]; falling: readonly HomeTopic[] } | null,
	): void {
		if (datasetId !== this.datasetId) return;
		this.#topics = topics
			? {
					rising: topics.rising.map((t) => ({ key: t.key, trend: t.trend })),
					falling: topics.falling.map((t) => ({ key: t.key, trend: t.trend })),
				}
			: null;
		this.#rebuild();
	}

	/** Forget everything (no dataset). */
	close(): void {
		this.drop();
		this.datasetId = null;
		this.report = null;
		this.error = null;
		this.#base = null;
	}

	/** The home worker's request: the sales read at open, and what was added since. */
	#request(base: Base): HomeRequest {
		return {
			...base,
			...(this.#plan !== undefined ? { plan: this.#plan } : {}),
			...(this.#flags !== undefined ? { flags: this.#flags } : {}),
			...(this.#topics !== undefined ? { topics: this.#topics } : {}),
		};
	}

	/** Builds the dashboard again with what was added (a newer build wins); nothing before the sales are read. */
	#rebuild(): void {
		const base = this.#base;
		if (!base) return;
		void this.latest(() => this.#home.dashboard(this.#request(base)), { quietAbort: true });
	}
}
