// Whether the single forecast kept from a visit before (workers/data/kept-forecasts.ts, kind 'single')
// is the one the Forecast screen would show now. The stored data, saved deep models and promotions are
// checked by its stamp in the data worker; these are the screen's own options. The form's horizon and
// method are set from the kept request (the card's count and method are, for the batch), so they do not
// have to match; the product does, unless none is picked yet (a fresh visit opens on "All products").
import type { Frequency } from '../../core/types';
import type { ForecastRequest } from '../../state/forecast-run.svelte';
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
