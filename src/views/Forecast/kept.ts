// Whether the single forecast kept from a visit before (workers/data/kept-forecasts.ts, kind 'single')
// is the one the Forecast screen would show now. The stored data, saved deep models and promotions are
// checked by its stamp in the data worker; these are the screen's own options. The form's horizon and
// method are set from the kept request (the card's count and method are, for the batch), so they do not
// have to match; the product does, unless none is picked yet (a fresh visit opens on "All products").
// The same for the levels (kind 'levels': the category / store / total hierarchy), and for Explore's
// "Forecast this", which shows the kept forecast of its product instead of running it again.
import type { Frequency } from '../../core/types';
import type { ForecastRequest, ForecastRun } from '../../state/forecast-run.svelte';
import type { HierarchyRequest } from '../../state/hierarchy-run.svelte';
import type { Measure } from '../../state/explore.svelte';

/** What the screen forecasts with now, apart from the form's horizon and method. */
export interface SingleScreen {
	freq: Frequency;
	measure: Measure;
	/** JSON of the shop calendar as the screen sends it ({ country, edits }). */
	calendar: string;
	/** The product picked (null: none, or all products together). */
	productId: string | null;
}

/** The screen's calendar as a kept request's is compared (JSON, same key order as `start()` sends it). */
export function calendarKey(country: string, edits: unknown): string {
	return JSON.stringify({ country, edits });
}

/** True when the kept single forecast `req` was made with the screen's options `screen`. */
export function keptSingleFits(req: ForecastRequest, screen: SingleScreen): boolean {
	if (req.freq !== screen.freq || req.measure !== screen.measure) return false;
	if (JSON.stringify(req.calendar ?? null) !== screen.calendar) return false;
	// one series only: the batch card keeps its own (kind 'batch')
	if (req.productIds !== null && req.productIds.length !== 1) return false;
	return screen.productId === null || req.productIds?.[0] === screen.productId;
}

/** What the screen's levels forecast with now, apart from the form's horizon and method. */
export interface LevelsScreen {
	freq: Frequency;
	measure: Measure;
}

/**
 * True when the kept levels `req` were made with the screen's options: its frequency and measure (the
 * levels use neither the calendar nor a product; the form takes the kept horizon and method). One
 * result holds every level, so the category, store and total levels all show it.
 */
export function keptLevelsFit(req: HierarchyRequest, screen: LevelsScreen): boolean {
	return req.freq === screen.freq && req.measure === screen.measure;
}

/**
 * Explore's "Forecast this" on the Forecast screen: the product's forecast already on screen stays
 * ('shown'); else the single forecast kept for it with the screen's options is shown ('kept', nothing
 * runs); else `start` runs it ('run'). The product must be the one asked for (null: all products).
 */
export async function forecastThis(
	run: Pick<ForecastRun, 'status' | 'request' | 'restoreKept'>,
	datasetId: string | null,
	screen: SingleScreen,
	start: () => void,
): Promise<'shown' | 'kept' | 'run'> {
	const shown = run.request?.productIds;
	const same =
		run.status !== 'idle' &&
		run.status !== 'cancelled' &&
		run.request?.datasetId === datasetId &&
		run.request?.freq === screen.freq &&
		run.request?.measure === screen.measure &&
		shown?.length === 1 &&
		shown[0] === screen.productId;
	if (same) return 'shown';
	const kept = await run.restoreKept(
		(req) => keptSingleFits(req, screen) && (req.productIds?.[0] ?? null) === screen.productId,
	);
	if (kept) return 'kept';
	start();
	return 'run';
}
