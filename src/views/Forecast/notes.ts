// The engine's notes on the "All products" forecast: the engine speaks of "the product" (it forecasts
// one series), so the notes that name a product get their words for the shop's total instead.
import type { Message } from '../../core/messages';

/** Engine note → its wording for the sum of all products (catalog src/lib/i18n/catalog/forecast.ts). */
const FOR_ALL_PRODUCTS: Record<string, string> = {
	engine_note_no_two_seasons: 'engine_note_no_two_seasons_all',
	engine_note_intermittent: 'engine_note_intermittent_all',
};

/** The notes of a forecast of all products together, with words that fit a total. */
export function allProductsNotes(notes: readonly Message[]): Message[] {
	return notes.map((n) =>
		FOR_ALL_PRODUCTS[n.code] ? { ...n, code: FOR_ALL_PRODUCTS[n.code] } : n,
	);
}
