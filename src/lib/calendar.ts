// The shop's holiday calendar as state and views use it (they import core only as types): the countries
// with a built-in calendar, the browser's default, the upcoming built-in days, and a holiday's or
// festival's name in the UI language.
import {
	CALENDAR_COUNTRIES,
	defaultCountry,
	eventCode,
	shopCalendar,
	type CalendarEdits,
	type HolidayNames,
} from '../core/calendar/events';
import type { UnmeasuredEvent } from '../core/calendar/measure';
import {
	MONDAY,
	SUNDAY,
	weekStartOf,
	weekStartOfCountry,
	type WeekStart,
} from '../core/series/week-start';
import { i18n, t, type MessageCode } from './i18n';
import { formatDate } from './format';

/** Countries with a built-in holiday calendar. */
export const COUNTRIES: readonly string[] = CALENDAR_COUNTRIES;

export { defaultCountry };

/** The first day of the week: per country (CLDR), per dataset (its own, else Monday). */
export { MONDAY, SUNDAY, weekStartOf, weekStartOfCountry, type WeekStart };

/** One built-in day: its event's key, its names (public holidays), its ISO date. */
export interface BuiltInDay {
	key: string;
	names?: HolidayNames;
	date: string;
}

/** Built-in days (holidays, festivals, make-up working days) of `fromYear…toYear` after the shop's edits, by date. */
export function builtInDays(
	country: string,
	fromYear: number,
	toYear: number,
	edits: CalendarEdits = {},
): BuiltInDay[] {
	return shopCalendar(country, fromYear, toYear, edits)
		.filter((e) => e.kind !== 'custom')
		.flatMap((e) => e.days.map((d) => ({ key: e.key, names: e.names, date: d })))
		.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** A built-in event's days on consecutive dates, shown as one line (e.g. the Christmas shopping weeks). */
export interface BuiltInRun {
	key: string;
	names?: HolidayNames;
	/** Every ISO date of the run, in order (removed together). */
	dates: string[];
}

const nextDay = (iso: string): string =>
	new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Days (sorted by date) of the same event on consecutive dates merged into runs, by first date. */
export function runsOfDays(days: readonly BuiltInDay[]): BuiltInRun[] {
	const out: BuiltInRun[] = [];
	const lastOf = new Map<string, BuiltInRun>();
	for (const d of days) {
		const last = lastOf.get(d.key);
		if (last && nextDay(last.dates[last.dates.length - 1]) === d.date) {
			last.dates.push(d.date);
			continue;
		}
		const run: BuiltInRun = { key: d.key, ...(d.names ? { names: d.names } : {}), dates: [d.date] };
		out.push(run);
		lastOf.set(d.key, run);
	}
	return out;
}

/** An ISO date (or a run's first and last) as the UI language writes dates: "20 Oct 2023 – 24 Dec 2023". */
export function calendarDates(dates: readonly string[]): string {
	if (!dates.length) return '';
	const day = (iso: string) => formatDate(Date.parse(`${iso}T00:00:00Z`));
	return dates.length === 1 ? day(dates[0]) : `${day(dates[0])} – ${day(dates[dates.length - 1])}`;
}

/**
 * The names of a built-in public holiday by its key (e.g. `new-year-s-day`), for a day the shop took
 * out of its calendar: the edit keeps only key and date. Looks in the shop's country first, then in
 * the others (the edit may date from another country choice); undefined for festivals (named by the
 * catalog) and keys no calendar has.
 */
export function holidayNames(
	country: string,
	key: string,
	date?: string,
): HolidayNames | undefined {
	const year = date && /^\d{4}/.test(date) ? Number(date.slice(0, 4)) : new Date().getUTCFullYear();
	for (const c of [country, ...CALENDAR_COUNTRIES.filter((x) => x !== country)]) {
		const names = shopCalendar(c, year, year).find((e) => e.key === key)?.names;
		if (names) return names;
	}
	return undefined;
}

/**
 * A holiday or festival's name in the UI language. `names`: English and Chinese (a public holiday's
 * HolidayNames first and last); a built-in festival has words in the catalog; the shop's own event is
 * named by what the shop typed (its key).
 */
export function eventName(key: string, names?: readonly [string, string] | null): string {
	if (names) return i18n.locale === 'zh-CN' ? names[1] : names[0];
	const code = eventCode(key);
	return code ? t(code as MessageCode) : key;
}

/** Beyond this many, the events coming in a forecast too rare to measure are said in one sentence. */
export const UNMEASURED_LIST_MAX = 3;

/**
 * The events coming in a forecast that past sales had too rarely to measure, as one sentence naming
 * each with its period ("Black Friday (week 1), Cyber Monday (week 2), … fall in this forecast …"),
 * when there are more than UNMEASURED_LIST_MAX of them; null when the card lists them one a line
 * (walk14: seven lines in a young shop's first December).
 */
export function unmeasuredSentence(
	events: readonly UnmeasuredEvent[],
	unit: string,
): string | null {
	if (events.length <= UNMEASURED_LIST_MAX) return null;
	const zh = i18n.locale === 'zh-CN';
	const items = events.map((e) =>
		t('calendar_effect_ahead_item', {
			name: eventName(e.key, e.names ? [e.names[0], e.names[2]] : null),
			unit,
			ahead: e.ahead[0] + 1,
		}),
	);
	const list = new Intl.ListFormat(zh ? 'zh-CN' : 'en', { type: 'conjunction' }).format(items);
	return t(
		events.every((e) => e.past === 0)
			? 'calendar_effects_ahead_sentence_never'
			: 'calendar_effects_ahead_sentence',
		{ list, n: events.length, unit },
	);
}
