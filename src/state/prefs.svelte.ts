// Display preferences. Money is shown in the open dataset's currency (kept with the dataset: read from
// the file, chosen at import, editable in Settings and the dataset list); with no dataset open, or for a
// dataset stored before currencies were kept, in the device's choice (localStorage, default from the
// browser's region).
import { CURRENCY_CODES } from '../core/ingest/currency';
import { guessCurrency } from '../lib/format';
import type { DatasetStore } from './dataset-store.svelte';

const CURRENCY_KEY = 'trendcast.currency';

/** Currencies offered by the pickers. */
export const CURRENCIES: readonly string[] = CURRENCY_CODES;

export class Prefs {
	/** The device's currency, for datasets that have none. */
	deviceCurrency = $state(readCurrency());
	#datasets: DatasetStore | null;

	constructor(datasets: DatasetStore | null = null) {
		this.#datasets = datasets;
	}

	/** The currency money is shown in now: the open dataset's, else the device's. */
	get currency(): string {
		return this.#datasets?.selected?.currency ?? this.deviceCurrency;
	}

	/** Change the currency: the open dataset's (stored with it), else the device's. */
	setCurrency(code: string): void {
		const open = this.#datasets?.selected;
		if (open) {
			void this.#datasets!.setCurrency(open.id, code);
			return;
		}
		this.deviceCurrency = code;
		try {
			localStorage.setItem(CURRENCY_KEY, code);
		} catch {
			// Storage can be blocked (private mode); the choice then lasts for this visit only.
		}
	}
}

function readCurrency(): string {
	try {
		return localStorage.getItem(CURRENCY_KEY) ?? guessCurrency();
	} catch {
		return guessCurrency();
	}
}
