// Shopping holidays as a calendar feature of the deep models: whether a period (day, week or month
// starting at a UTC date) contains one. Fixed-date days (New Year, Valentine's Day, 618, Singles' Day
// 11.11, Christmas, Boxing Day), Black Friday (the day after the fourth Thursday of November) and
// Chinese New Year (a table, 2005–2035, Hong Kong Observatory / the PRC State Council calendar).

import type { Frequency } from '../core/types';

const DAY_MS = 86_400_000;

/** Chinese New Year (month, day) by year. */
const CNY: Record<number, [number, number]> = {
	2005: [2, 9],
	2006: [1, 29],
	2007: [2, 18],
	2008: [2, 7],
	2009: [1, 26],
	2010: [2, 14],
	2011: [2, 3],
	2012: [1, 23],
	2013: [2, 10],
	2014: [1, 31],
	2015: [2, 19],
	2016: [2, 8],
	2017: [1, 28],
	2018: [2, 16],
	2019: [2, 5],
	2020: [1, 25],
	2021: [2, 12],
	2022: [2, 1],
	2023: [1, 22],
	2024: [2, 10],
	2025: [1, 29],
	2026: [2, 17],
	2027: [2, 6],
	2028: [1, 26],
	2029: [2, 13],
	2030: [2, 3],
	2031: [1, 23],
	2032: [2, 11],
	2033: [1, 31],
	2034: [2, 19],
	2035: [2, 8],
};

/** Fixed (month, day) shopping days. */
const FIXED: [number, number][] = [
	[1, 1],
	[2, 14],
	[6, 18],
	[11, 11],
	[12, 25],
	[12, 26],
];

/** Whether the UTC day `ms` is one of the shopping holidays. */
export function isHoliday(ms: number): boolean {
	const d = new Date(ms);
	const y = d.getUTCFullYear();
	const m = d.getUTCMonth() + 1;
	const day = d.getUTCDate();
	if (FIXED.some(([fm, fd]) => fm === m && fd === day)) return true;
	const cny = CNY[y];
	if (cny && cny[0] === m && cny[1] === day) return true;
	if (m === 11) {
		// Black Friday: the day after the fourth Thursday
		const firstDow = new Date(Date.UTC(y, 10, 1)).getUTCDay();
		const firstThu = 1 + ((4 - firstDow + 7) % 7);
		if (day === firstThu + 22) return true;
	}
	return false;
}

/** Whether the period of `freq` starting at `startMs` contains a holiday. */
export function holidayInPeriod(startMs: number, freq: Frequency): boolean {
	const start = Math.floor(startMs / DAY_MS) * DAY_MS;
	const days =
		freq === 'day'
			? 1
			: freq === 'week'
				? 7
				: new Date(
						Date.UTC(new Date(start).getUTCFullYear(), new Date(start).getUTCMonth() + 1, 0),
					).getUTCDate();
	for (let k = 0; k < days; k++) if (isHoliday(start + k * DAY_MS)) return true;
	return false;
}
