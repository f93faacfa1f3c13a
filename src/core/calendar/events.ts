// The shop's holiday and shopping-festival calendar, and its events as forecast regressors.
// Public holidays come from a table built at development time (holidays.json, `npm run
// build:calendar`: date-holidays for 24 countries, chinese-days for China's official holidays and
// make-up working days); the festivals follow fixed rules: 双十一 (11 Nov), 618 (16–18 Jun), 双十二
// (12 Dec), 520 (20 May), 七夕 (7th day of the 7th lunar month), 年货节 (the two weeks that end ten
// days before the Spring Festival), Black Friday, Cyber Monday, Boxing Day and the Christmas peak
// weeks (1–24 Dec). The shop edits its calendar (adds or removes dates); the engine gets one column
// per event key: the share of each period's days that fall on the event. Pure TypeScript.
import table from './holidays.json';
import type { Frequency } from '../types';

const DAY_MS = 86_400_000;

/** One day of an event. `key` names the event: a holiday slug ('christmas-day') or a festival. */
export interface CalendarDay {
	key: string;
	/** yyyy-mm-dd */
	date: string;
}

export type EventKind = 'holiday' | 'festival' | 'workday' | 'custom';

/** An event of the calendar with all its days in the requested years. */
export interface CalendarEvent {
	key: string;
	kind: EventKind;
	/**
	 * English, local and Simplified-Chinese names (holidays; festivals are named by the UI from their
	 * key). Every holiday has a Chinese name (scripts/calendar-zh.ts), so zh-CN never shows an English one.
	 */
	names?: HolidayNames;
	days: string[];
}

/** The shop's changes to the built-in calendar (kept in Settings). */
export interface CalendarEdits {
	/** Extra event days (a key of their own, or an existing key to extend that event). */
	add?: CalendarDay[];
	/** Days taken out (every day of `key` when `date` is omitted). */
	remove?: { key: string; date?: string }[];
}

/** Festival keys, for the UI's names (i18n: calendar_event_<key>). */
export const FESTIVALS_CN = ['double11', '618', 'double12', '520', 'qixi', 'nianhuo'] as const;
export const FESTIVALS_WEST = [
	'black-friday',
	'cyber-monday',
	'christmas-peak',
	'boxing-day',
] as const;
/** The key of the pooled public-holiday column (calendarRegressors' `pool`). */
export const HOLIDAYS = 'public-holidays';
/** The key of China's make-up working days (调休上班). */
export const CN_WORKDAY = 'cn-makeup-workday';

/** The message code naming a built-in festival or column (calendar_event_*), null for others. */
export function eventCode(key: string): string | null {
	const known: readonly string[] = [...FESTIVALS_CN, ...FESTIVALS_WEST, HOLIDAYS, CN_WORKDAY];
	return known.includes(key) ? `calendar_event_${key.replaceAll('-', '_')}` : null;
}

/** English, local and Simplified-Chinese name of a public holiday. */
export type HolidayNames = [en: string, local: string, zh: string];

interface CountryTable {
	names: Record<string, HolidayNames>;
	days: Record<string, string[]>;
	workdays?: string[];
}
const TABLE = table as unknown as {
	source: string;
	from: number;
	to: number;
	countries: Record<string, CountryTable>;
	lunar: { qixi: string[]; springFestival: string[] };
};

/** Countries with a built-in calendar (ISO 3166-1 alpha-2). */
export const CALENDAR_COUNTRIES: readonly string[] = Object.keys(TABLE.countries);
/** First and last year of the built-in holidays. */
export const CALENDAR_YEARS = { from: TABLE.from, to: TABLE.to } as const;

const iso = (compact: string): string =>
	`${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;
const dayMs = (d: string): number => Date.parse(d + 'T00:00:00Z');
const isoOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The country's calendar from the shop's locale / currency, when it has a built-in one. */
export function defaultCountry(locale?: string, currency?: string): string {
	const byCurrency: Record<string, string> = {
		CNY: 'CN',
		RMB: 'CN',
		USD: 'US',
		GBP: 'GB',
		EUR: 'DE',
		JPY: 'JP',
		KRW: 'KR',
		AUD: 'AU',
		CAD: 'CA',
		NZD: 'NZ',
		HKD: 'HK',
		TWD: 'TW',
		SGD: 'SG',
		SEK: 'SE',
		DKK: 'DK',
		NOK: 'NO',
		PLN: 'PL',
		CHF: 'CH',
	};
	if (currency && byCurrency[currency.toUpperCase()]) return byCurrency[currency.toUpperCase()];
	const region = /[-_]([A-Za-z]{2})\b/.exec(locale ?? '')?.[1]?.toUpperCase();
	if (region && TABLE.countries[region]) return region;
	const lang = (locale ?? '').slice(0, 2).toLowerCase();
	const byLang: Record<string, string> = {
		zh: 'CN',
		ja: 'JP',
		ko: 'KR',
		de: 'DE',
		fr: 'FR',
		it: 'IT',
		es: 'ES',
		nl: 'NL',
		sv: 'SE',
		da: 'DK',
		nb: 'NO',
		pl: 'PL',
		en: 'GB',
	};
	return byLang[lang] ?? 'US';
}

/** nth (1-based) weekday (0 = Sunday) of a month, as UTC ms. */
function nthWeekday(year: number, month: number, weekday: number, nth: number): number {
	const first = Date.UTC(year, month, 1);
	const offset = (weekday - new Date(first).getUTCDay() + 7) % 7;
	return first + (offset + 7 * (nth - 1)) * DAY_MS;
}

function range(fromMs: number, toMs: number): string[] {
	const out: string[] = [];
	for (let t = fromMs; t <= toMs; t += DAY_MS) out.push(isoOf(t));
	return out;
}

/** Festival days of one year for the country (China's e-commerce festivals, or the Western ones). */
function festivals(country: string, year: number): Map<string, string[]> {
	const out = new Map<string, string[]>();
	const y = String(year);
	const chinese = country === 'CN' || country === 'HK' || country === 'TW' || country === 'SG';
	if (chinese) {
		out.set('double11', [`${y}-11-11`]);
		out.set('618', [`${y}-06-16`, `${y}-06-17`, `${y}-06-18`]);
		out.set('double12', [`${y}-12-12`]);
		out.set('520', [`${y}-05-20`]);
		const qixi = TABLE.lunar.qixi.find((d) => d.startsWith(y));
		if (qixi) out.set('qixi', [iso(qixi)]);
		const sf = TABLE.lunar.springFestival.find((d) => d.startsWith(y));
		if (sf) {
			const t = dayMs(iso(sf));
			out.set('nianhuo', range(t - 24 * DAY_MS, t - 10 * DAY_MS));
		}
	}
	if (country !== 'CN') {
		const thanksgiving = nthWeekday(year, 10, 4, 4);
		out.set('black-friday', [isoOf(thanksgiving + DAY_MS)]);
		out.set('cyber-monday', [isoOf(thanksgiving + 4 * DAY_MS)]);
		out.set('christmas-peak', range(Date.UTC(year, 11, 1), Date.UTC(year, 11, 24)));
		out.set('boxing-day', [`${y}-12-26`]);
	}
	return out;
}

/**
 * The built-in calendar of `country` for the years `fromYear…toYear` (inclusive), with the shop's
 * edits applied: public holidays, festivals and (China) make-up working days.
 */
export function shopCalendar(
	country: string,
	fromYear: number,
	toYear: number,
	edits: CalendarEdits = {},
): CalendarEvent[] {
	const c = TABLE.countries[country.toUpperCase()];
	const events = new Map<string, CalendarEvent>();
	const inYears = (d: string): boolean => {
		const y = Number(d.slice(0, 4));
		return y >= fromYear && y <= toYear;
	};
	if (c) {
		for (const [key, days] of Object.entries(c.days)) {
			const list = days.map(iso).filter(inYears);
			if (list.length)
				events.set(key, {
					key,
					kind: 'holiday',
					names: ownEnglish(country, key, c.names[key]),
					days: list,
				});
		}
		const wd = (c.workdays ?? []).map(iso).filter(inYears);
		if (wd.length) events.set(CN_WORKDAY, { key: CN_WORKDAY, kind: 'workday', days: wd });
	}
	for (let y = fromYear; y <= toYear; y++)
		for (const [key, days] of festivals(country.toUpperCase(), y)) {
			if (events.has(key) && events.get(key)?.kind === 'holiday') continue; // e.g. GB boxing-day
			const e = events.get(key) ?? { key, kind: 'festival' as const, days: [] };
			e.days.push(...days);
			events.set(key, e);
		}
	for (const a of edits.add ?? []) {
		if (!/^\d{4}-\d{2}-\d{2}$/.test(a.date)) continue;
		const e = events.get(a.key) ?? { key: a.key, kind: 'custom' as const, days: [] };
		if (!e.days.includes(a.date)) e.days.push(a.date);
		events.set(a.key, e);
	}
	for (const r of edits.remove ?? []) {
		const e = events.get(r.key);
		if (!e) continue;
		if (r.date === undefined) events.delete(r.key);
		else e.days = e.days.filter((d) => d !== r.date);
	}
	const out = [...events.values()].filter((e) => e.days.length > 0);
	for (const e of out) e.days.sort();
	return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Calendar events as regressor columns over periods, plus how each column reads. */
export interface CalendarRegressors {
	/** Event keys, one per column (the engine's regressor names are `cal:<key>`). */
	keys: string[];
	names: string[];
	history: Float64Array[];
	future: Float64Array[];
}

/** Countries whose own holiday names are English: their spelling is the English name (walk14). */
const ENGLISH_SPEAKING = new Set(['US', 'CA', 'GB', 'IE', 'AU', 'NZ', 'SG']);

/**
 * The English name of a holiday as the country writes it: date-holidays' English list spells the US
 * "Labor Day" as "Labour Day", which a US shop owner read on the Forecast screen (walk14); its local
 * (US English) name is right.
 */
function ownEnglish(
	country: string,
	key: string,
	names: HolidayNames | undefined,
): HolidayNames | undefined {
	if (!names) return names;
	const english = ENGLISH_NAMES[country.toUpperCase()]?.[key];
	if (english) return [english, names[1], names[2]];
	if (!ENGLISH_SPEAKING.has(country.toUpperCase()) || !names[1]) return names;
	return [names[1], names[1], names[2]];
}

/**
 * English names where date-holidays' English is another country's word or too vague to tell the day:
 * a Berlin shop read "National Holiday" for Tag der Deutschen Einheit and "Boxing Day" (British) for
 * 2. Weihnachtstag (walk17).
 */
const ENGLISH_NAMES: Record<string, Record<string, string>> = {
	DE: { 'national-holiday': 'German Unity Day', 'boxing-day': 'Second Day of Christmas' },
};

/**
 * Whether an event starts on the same month-day every year (Christmas, 双十一, National Day; a
 * substitute day after it does not make it move), not on moving dates (Easter, Black Friday, 春节).
 */
export function fixedDate(e: CalendarEvent): boolean {
	const first = new Map<string, string>();
	for (const d of e.days) {
		const y = d.slice(0, 4);
		const md = d.slice(5);
		const f = first.get(y);
		if (f === undefined || md < f) first.set(y, md);
	}
	return new Set(first.values()).size <= 1;
}

/** Days in the period starting at `start` (UTC ms). */
function periodDays(start: number, freq: Frequency): number {
	if (freq === 'day') return 1;
	if (freq === 'week') return 7;
	const d = new Date(start);
	return (
		new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).getTime() / DAY_MS -
		start / DAY_MS
	);
}

function addPeriod(start: number, k: number, freq: Frequency): number {
	if (freq === 'day') return start + k * DAY_MS;
	if (freq === 'week') return start + 7 * k * DAY_MS;
	const d = new Date(start);
	return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + k, 1);
}

/**
 * One column per event: the share of each period's days on the event (a weekly period holding
 * Boxing Day gets 1/7, a week inside the Christmas peak 1). `starts` are the history's period starts
 * (UTC ms, as the data worker's series); the horizon continues them. With `pool` every public
 * holiday shares one column (HOLIDAYS; off by default: on Walmart at the bench's tuning origin the
 * pooled column carried Thanksgiving's lift into Memorial Day, MASE 1.12, while one column per
 * moving event gave 0.901 vs 0.918 with Walmart's own Holiday_Flag); with `movingOnly` fixed-date events are left out (for
 * series long enough for a seasonal model). Kept: events that touch at least `minHistory` (2)
 * history periods (their effect can be estimated), at most `maxColumns` (4), those that also fall
 * in the horizon first, then the most frequent.
 */
export function calendarRegressors(
	events: readonly CalendarEvent[],
	starts: ArrayLike<number>,
	freq: Frequency,
	horizon: number,
	opts: { minHistory?: number; maxColumns?: number; pool?: boolean; movingOnly?: boolean } = {},
): CalendarRegressors {
	const n = starts.length;
	const minHistory = opts.minHistory ?? 2;
	const maxColumns = opts.maxColumns ?? 4;
	// with a seasonal model (two seasons of history) a fixed-date event (Christmas, 双十一) is already
	// in the season; a dummy on top of it only splits the same weeks between two estimates
	if (opts.movingOnly) events = events.filter((e) => !fixedDate(e));
	if (opts.pool) {
		// public holidays pooled into one column (each alone happens once a year: two or three
		// past weeks cannot pin down its own effect); festivals, make-up working days and the
		// shop's own events keep theirs
		const pooled: CalendarEvent = { key: HOLIDAYS, kind: 'holiday', days: [] };
		const rest: CalendarEvent[] = [];
		for (const e of events) {
			if (e.kind === 'holiday') pooled.days.push(...e.days);
			else rest.push(e);
		}
		events = pooled.days.length ? [pooled, ...rest] : rest;
	}
	const all: number[] = Array.from(starts);
	const last = n ? all[n - 1] : NaN;
	for (let j = 1; j <= horizon; j++) all.push(addPeriod(last, j, freq));
	const index = new Map<number, number>();
	all.forEach((s, i) => {
		const len = periodDays(s, freq);
		for (let d = 0; d < len; d++) index.set(s + d * DAY_MS, i);
	});
	const cols: { key: string; values: Float64Array; inHistory: number; inFuture: boolean }[] = [];
	for (const e of events) {
		const values = new Float64Array(all.length);
		for (const d of e.days) {
			const i = index.get(dayMs(d));
			if (i !== undefined) values[i] += 1 / periodDays(all[i], freq);
		}
		let inHistory = 0;
		for (let i = 0; i < n; i++) if (values[i] > 0) inHistory++;
		let inFuture = false;
		for (let i = n; i < all.length; i++) if (values[i] > 0) inFuture = true;
		if (inHistory >= minHistory) cols.push({ key: e.key, values, inHistory, inFuture });
	}
	cols.sort(
		(a, b) =>
			Number(b.inFuture) - Number(a.inFuture) ||
			b.inHistory - a.inHistory ||
			(a.key < b.key ? -1 : 1),
	);
	const kept = cols.slice(0, maxColumns);
	return {
		keys: kept.map((c) => c.key),
		names: kept.map((c) => `cal:${c.key}`),
		history: kept.map((c) => c.values.slice(0, n)),
		future: kept.map((c) => c.values.slice(n)),
	};
}

/** Years touched by period starts plus a horizon (for shopCalendar). */
export function yearsOf(
	starts: ArrayLike<number>,
	freq: Frequency,
	horizon: number,
): [number, number] {
	const first = new Date(starts[0]).getUTCFullYear();
	const end = addPeriod(starts[starts.length - 1], horizon + 1, freq);
	return [first, new Date(end).getUTCFullYear()];
}

/** Effect of one event on the periods it falls in, relative to the series' typical level. */
export interface EventEffect {
	key: string;
	/** Relative change of a period fully inside the event vs the level (0.38 = +38 %). */
	effect: number;
	/** Half-width of its 95 % interval, same unit (0.12 = ±12 %). */
	halfWidth: number;
	/** Past periods the effect was estimated from. */
	periods: number;
	kind?: EventKind;
	/** English, local and Chinese names of a public holiday (festivals are named from their key). */
	names?: HolidayNames;
	/** Forecast periods (0-based) the event falls in. */
	ahead?: number[];
}

/**
 * From the engine's regressor drivers (effect per unit of a column) to "Christmas weeks: +38 %
 * (±12 %)": a column of 1 is a period wholly inside the event, so the effect of the typical event
 * period is estimate × its mean column value over the history's event periods, divided by the level
 * those periods would have had without the event: `baseline` (the fit's trend at each period), weighted
 * by the column, or else the mean of the history. The interval is ±1.96 standard errors on the same
 * scale. An event whose level is not positive, or whose fall would be more than everything sold
 * (below −100 %: a straight line read as a share of a level it does not fit), is left out.
 */
export function eventEffects(
	drivers: readonly { name: string; estimate: number; stdError: number }[],
	cal: CalendarRegressors,
	y: ArrayLike<number>,
	baseline?: ArrayLike<number>,
): EventEffect[] {
	let sum = 0;
	let cnt = 0;
	for (let i = 0; i < y.length; i++)
		if (Number.isFinite(y[i])) {
			sum += y[i];
			cnt++;
		}
	const level = cnt ? sum / cnt : NaN;
	const out: EventEffect[] = [];
	for (const d of drivers) {
		const i = cal.names.indexOf(d.name);
		if (i < 0 || !(level > 0)) continue;
		const h = cal.history[i];
		let s = 0;
		let k = 0;
		let base = 0;
		for (let t = 0; t < h.length; t++)
			if (h[t] > 0) {
				s += h[t];
				k++;
				if (baseline) base += h[t] * baseline[t];
			}
		if (!k) continue;
		const typical = s / k;
		// the level of the event's own periods (a growing shop's first 年货节 against its early weeks)
		const at = baseline ? base / s : level;
		if (!(at > 0)) continue;
		const effect = (d.estimate * typical) / at;
		if (!(effect >= -1)) continue;
		const ahead: number[] = [];
		cal.future[i]?.forEach((v, j) => {
			if (v > 0) ahead.push(j);
		});
		out.push({
			key: cal.keys[i],
			effect,
			halfWidth: (1.96 * d.stdError * typical) / at,
			periods: k,
			ahead,
		});
	}
	return out;
}
