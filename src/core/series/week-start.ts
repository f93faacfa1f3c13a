// The first day of a shop's weeks (walk14: a US shop saw "Week of Aug 28, 2017", a Monday, while its
// own reports start weeks on Sunday). A dataset keeps its own (DatasetMeta.weekStart), defaulted at
// import from the shop's country by CLDR's firstDay: the browser's Intl.Locale week info where it has
// one, else the table below (CLDR 48, as Node 20's ICU 78 gives it). Pure: every function takes the
// week start as a parameter, Monday when absent, so the benchmarks and CLIs keep Monday weeks.
import type { WeekStart } from '../types';

export type { WeekStart };

/** Monday (ISO 8601 weeks; DuckDB's date_trunc('week')): the default of every weekly function. */
export const MONDAY: WeekStart = 1;

/** Sunday. */
export const SUNDAY: WeekStart = 0;

const DAY_MS = 86_400_000;

/** Territories whose weeks start on Sunday in CLDR 48 (supplemental weekData firstDay "sun"). */
const SUNDAY_FIRST = new Set(
	(
		'AG AS BD BR BS BT BW BZ CA CO DM DO ET GT GU HK HN ID IL IN IS JM JP KE KH KR LA MH MM MO MT MX MZ ' +
		'NI NP PA PE PH PK PR PT PY SA SG SV TH TT TW UM US VE VI WS YE ZA ZW'
	).split(' '),
);

/** Territories whose weeks start on Saturday in CLDR 48 (firstDay "sat"). */
const SATURDAY_FIRST = new Set('AF BH DJ DZ EG IQ IR JO KW LY OM QA SD SY'.split(' '));

/** Whether `v` is a day number 0 (Sunday) … 6 (Saturday). */
export function isWeekStart(v: unknown): v is WeekStart {
	return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 6;
}

/** CLDR's firstDay of a territory from the table above (Monday for any other). */
export function tableWeekStart(country: string): WeekStart {
	const c = country.toUpperCase();
	if (SUNDAY_FIRST.has(c)) return 0;
	if (SATURDAY_FIRST.has(c)) return 6;
	if (c === 'MV') return 5;
	return MONDAY;
}

/** Intl.Locale's week info: `getWeekInfo()` (the proposal's final shape) or the older `weekInfo` getter. */
interface LocaleWeekInfo {
	getWeekInfo?: () => { firstDay?: number };
	weekInfo?: { firstDay?: number };
}

/**
 * The first day of the week in `country` (ISO 3166 alpha-2): Sunday for US, CA, MX, BR, JP, IL, PH …,
 * Monday for GB, CN and the EU. Read from Intl.Locale (1 = Monday … 7 = Sunday) when `useIntl` and the
 * runtime has week info, else from CLDR's table.
 */
export function weekStartOfCountry(country: string, useIntl = true): WeekStart {
	if (!/^[A-Za-z]{2}$/.test(country)) return MONDAY;
	if (useIntl && typeof Intl !== 'undefined' && typeof Intl.Locale === 'function') {
		try {
			const loc = new Intl.Locale(`und-${country.toUpperCase()}`) as unknown as LocaleWeekInfo;
			const first = loc.getWeekInfo?.().firstDay ?? loc.weekInfo?.firstDay;
			if (typeof first === 'number' && first >= 1 && first <= 7) return (first % 7) as WeekStart;
		} catch {
			// an engine without week data: the table
		}
	}
	return tableWeekStart(country);
}

/** A dataset's week start: its own, else Monday (datasets stored before weeks could start on Sunday). */
export function weekStartOf(meta: { weekStart?: unknown } | null | undefined): WeekStart {
	return isWeekStart(meta?.weekStart) ? meta.weekStart : MONDAY;
}

/** Start (UTC ms, midnight) of the week holding `ms` when weeks start on `weekStart`. */
export function weekStartDay(ms: number, weekStart: WeekStart = MONDAY): number {
	const day = Math.floor(ms / DAY_MS) * DAY_MS;
	return day - ((new Date(day).getUTCDay() - weekStart + 7) % 7) * DAY_MS;
}

/**
 * Days to add before DuckDB's Monday `date_trunc('week', …)` and take off after it, so that it truncates
 * to weeks starting on `weekStart`: 0 for Monday, 1 for Sunday, 2 for Saturday.
 */
export function weekShiftDays(weekStart: WeekStart = MONDAY): number {
	return (MONDAY - weekStart + 7) % 7;
}
