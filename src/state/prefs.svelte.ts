// Display preferences. Money is shown in the open dataset's currency (kept with the dataset: read from
// the file, chosen at import, editable in Settings and the dataset list); with no dataset open, or for a
// dataset stored before currencies were kept, in the device's choice (localStorage, default from the
// browser's region).
import type { CalendarDay, CalendarEdits } from '../core/calendar/events';
import {
	COUNTRIES as CALENDAR_COUNTRIES,
	defaultCountry,
	weekStartOfCountry,
	type WeekStart,
} from '../lib/calendar';
import { CURRENCIES as CURRENCY_CODES, guessCurrency } from '../lib/format';
import type { DatasetStore } from './dataset-store.svelte';

const CURRENCY_KEY = 'trendcast.currency';
const COUNTRY_KEY = 'trendcast.calendarCountry';
const EDITS_KEY = 'trendcast.calendarEdits';
/** The preferences a backup carries (the selected dataset and one-off notices stay with the device). */
const BACKED_UP_KEYS = [CURRENCY_KEY, COUNTRY_KEY, EDITS_KEY] as const;

/** Countries with a built-in holiday calendar. */
export const COUNTRIES: readonly string[] = CALENDAR_COUNTRIES;

/** Currencies offered by the pickers. */
export const CURRENCIES: readonly string[] = CURRENCY_CODES;

export class Prefs {
	/** The device's currency, for datasets that have none. */
	deviceCurrency = $state(readCurrency());
	#datasets: DatasetStore | null;

	constructor(datasets: DatasetStore | null = null) {
		this.#datasets = datasets;
	}

	/** The country picked in Settings; null until one is picked. */
	#pickedCountry = $state<string | null>(readPickedCountry());

	/**
	 * The shop's country for the holiday and festival calendar: the one picked in Settings, else the
	 * one of the open dataset's currency (a CNY shop gets China's calendar in an English browser), else
	 * the device's currency and language.
	 */
	get country(): string {
		return this.countryFor(this.currency);
	}

	/** The shop's country for data in `currency`: the one picked in Settings, else the currency's. */
	countryFor(currency: string): string {
		return this.#pickedCountry ?? defaultCountry(browserLanguage(), currency);
	}

	/** The first day of the week in the shop's country for data in `currency` (a new dataset's). */
	weekStartFor(currency: string): WeekStart {
		return weekStartOfCountry(this.countryFor(currency));
	}

	/** Whether the country follows the currency (none picked in Settings). */
	get countryGuessed(): boolean {
		return this.#pickedCountry === null;
	}
	/** The shop's own calendar days and removed built-in days. */
	calendarEdits = $state<CalendarEdits>(readEdits());

	setCountry(code: string): void {
		if (!COUNTRIES.includes(code)) return;
		this.#pickedCountry = code;
		save(COUNTRY_KEY, code);
	}

	/** Add a day of the shop's own (a sale) or of a built-in event. */
	addCalendarDay(day: CalendarDay): void {
		const add = [...(this.calendarEdits.add ?? [])];
		if (!add.some((d) => d.key === day.key && d.date === day.date)) add.push(day);
		this.#setEdits({ ...this.calendarEdits, add });
	}

	/** Take a day out: the shop's own is deleted, a built-in one is remembered as removed. */
	removeCalendarDay(key: string, date: string): void {
		const add = this.calendarEdits.add ?? [];
		if (add.some((d) => d.key === key && d.date === date)) {
			this.#setEdits({
				...this.calendarEdits,
				add: add.filter((d) => !(d.key === key && d.date === date)),
			});
			return;
		}
		this.#setEdits({
			...this.calendarEdits,
			remove: [...(this.calendarEdits.remove ?? []), { key, date }],
		});
	}

	/** Put a removed built-in day back. */
	restoreCalendarDay(key: string, date?: string): void {
		this.#setEdits({
			...this.calendarEdits,
			remove: (this.calendarEdits.remove ?? []).filter((r) => !(r.key === key && r.date === date)),
		});
	}

	#setEdits(edits: CalendarEdits): void {
		this.calendarEdits = edits;
		save(EDITS_KEY, JSON.stringify(edits));
	}

	/** The preferences kept in localStorage, for a backup file (Settings → backup). */
	exportDevicePrefs(): Record<string, string> {
		const out: Record<string, string> = {};
		try {
			for (const k of BACKED_UP_KEYS) {
				const v = localStorage.getItem(k);
				if (v !== null) out[k] = v;
			}
		} catch {
			// storage blocked: nothing kept, nothing to back up
		}
		return out;
	}

	/** Takes the preferences of a restored backup (the shop's calendar and currency) and shows them. */
	restoreDevicePrefs(prefs: Record<string, string>): void {
		for (const k of BACKED_UP_KEYS) if (typeof prefs[k] === 'string') save(k, prefs[k]);
		this.deviceCurrency = readCurrency();
		this.#pickedCountry = readPickedCountry();
		this.calendarEdits = readEdits();
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

function save(key: string, value: string): void {
	try {
		localStorage.setItem(key, value);
	} catch {
		// Storage can be blocked (private mode); the choice then lasts for this visit only.
	}
}

function readPickedCountry(): string | null {
	try {
		const c = localStorage.getItem(COUNTRY_KEY);
		if (c && CALENDAR_COUNTRIES.includes(c)) return c;
	} catch {
		// none picked (or storage blocked): the guess
	}
	return null;
}

function browserLanguage(): string {
	return typeof navigator === 'undefined' ? 'en' : navigator.language;
}

function readEdits(): CalendarEdits {
	try {
		const v = JSON.parse(localStorage.getItem(EDITS_KEY) ?? '{}') as CalendarEdits;
		const day = (d: unknown): d is CalendarDay =>
			typeof d === 'object' &&
			d !== null &&
			typeof (d as CalendarDay).key === 'string' &&
			typeof (d as CalendarDay).date === 'string';
		return {
			add: Array.isArray(v.add) ? v.add.filter(day) : [],
			remove: Array.isArray(v.remove)
				? v.remove.filter((r) => typeof r === 'object' && r !== null && typeof r.key === 'string')
				: [],
		};
	} catch {
		return { add: [], remove: [] };
	}
}
