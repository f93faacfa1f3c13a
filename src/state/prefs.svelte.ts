// User preferences kept in localStorage (small, synchronous, per device): the currency revenue is shown in.
import { guessCurrency } from '../lib/format';

const CURRENCY_KEY = 'trendcast.currency';

/** Currencies offered in Settings. */
export const CURRENCIES = ['GBP', 'EUR', 'USD', 'CHF', 'SEK', 'DKK', 'NOK', 'PLN', 'CNY', 'JPY'];

export class Prefs {
	currency = $state(readCurrency());

	setCurrency(code: string): void {
		this.currency = code;
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
