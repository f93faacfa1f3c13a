// Wide layouts: one column per period instead of one row per sale. Two kinds are recognised from the
// header alone:
//  - calendar periods: `2024-01`, `2024-02` … (months), `2024-01-01` … (days or weeks), `2024-W01` …,
//    `Jan 2024`, `2024年1月` — each column's header is its period's date;
//  - relative periods: `0`, `1` … `11` (VISUELLE's weeks 1–12 after release) or `week 1`, `W1`, `第1周` …
//    — placed in time by a release / launch date column (its date is period 0's), a week apart.
// The data worker unpivots the period columns into long rows (one per row and period) and imports
// those; a relative layout without a date column is refused with a coded message. Pure TypeScript.
import { parseDate } from './parse';

/** Fewest period columns that make a wide layout (fewer are more likely ordinary columns). */
export const MIN_PERIOD_COLUMNS = 4;

export type WideLayout =
	| {
			kind: 'calendar';
			/** Indexes of the period columns, in file order. */
			columns: number[];
			/** Each period column's date (UTC ms of its first day). */
			dates: number[];
	  }
	| {
			kind: 'relative';
			columns: number[];
			/** Each period column's offset from the release (0 = the release week). */
			offsets: number[];
			/** The column with each row's release date, or null when the file has none. */
			anchor: string | null;
	  };

const MONTH_NAMES: Record<string, number> = {
	jan: 1,
	feb: 2,
	mar: 3,
	apr: 4,
	may: 5,
	jun: 6,
	jul: 7,
	aug: 8,
	sep: 9,
	sept: 9,
	oct: 10,
	nov: 11,
	dec: 12,
};

/** The date a calendar-period header names (UTC ms), or null. */
export function periodHeaderDate(header: string): number | null {
	const h = header.trim();
	let m = /^(\d{4})[-/.](\d{1,2})$/.exec(h) ?? /^(\d{4})年(\d{1,2})月$/.exec(h);
	if (m && +m[2] >= 1 && +m[2] <= 12) return Date.UTC(+m[1], +m[2] - 1, 1);
	m = /^(\d{4})-?W(\d{1,2})$/i.exec(h);
	if (m && +m[2] >= 1 && +m[2] <= 53) {
		// ISO week: the Monday of the week holding 4 January, plus (week - 1) weeks.
		const jan4 = Date.UTC(+m[1], 0, 4);
		const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000;
		return monday + (+m[2] - 1) * 7 * 86_400_000;
	}
	m = /^([A-Za-z]{3,4})[a-z]*[\s-]+(\d{4})$/.exec(h);
	if (m && MONTH_NAMES[m[1].toLowerCase()])
		return Date.UTC(+m[2], MONTH_NAMES[m[1].toLowerCase()] - 1, 1);
	// Full dates only (a lone number or text is no period).
	if (!/\d{1,4}[-/.年]\d{1,2}[-/.月]\d{1,4}/.test(h)) return null;
	return parseDate(h, 'ymd') ?? parseDate(h, 'dmy');
}

/** The offset a relative-period header names (0, 1 … or "week 3", "W3", 第3周), or null. */
export function periodHeaderOffset(header: string): number | null {
	const h = header.trim();
	const m =
		/^(\d{1,3})$/.exec(h) ??
		/^(?:week|wk|w|period|p|t)[\s_-]*(\d{1,3})$/i.exec(h) ??
		/^第\s*(\d{1,3})\s*周$/.exec(h);
	return m ? Number(m[1]) : null;
}

/** Header of a release / launch date column (the date of period 0). */
const ANCHOR_RE =
	/^(?:release|launch|launched|first[\s_-]*sale|intro(?:duction)?|start)[\s_-]*(?:date|day|week)?$|^(?:上市|发布|首发|上架|开售)(?:日期|时间)?$/i;

/** Longest run of adjacent columns satisfying `test`, as indexes. */
function longestRun(n: number, test: (i: number) => boolean): number[] {
	let best: number[] = [];
	let cur: number[] = [];
	for (let i = 0; i < n; i++) {
		if (test(i)) cur.push(i);
		else cur = [];
		if (cur.length > best.length) best = [...cur];
	}
	return best;
}

/**
 * The wide layout of a header, or null for an ordinary (long) table. `dateColumn` is the column the
 * mapping guessed as the date, used as the anchor of relative periods when no column is named
 * like a release date.
 */
export function detectWideLayout(
	header: readonly string[],
	dateColumn?: string,
): WideLayout | null {
	const dates = header.map(periodHeaderDate);
	const cal = longestRun(header.length, (i) => dates[i] !== null);
	if (cal.length >= MIN_PERIOD_COLUMNS) {
		const d = cal.map((i) => dates[i]!);
		// In order, oldest or newest first (a report may list the latest month first).
		const up = d.every((v, k) => k === 0 || v > d[k - 1]);
		const down = d.every((v, k) => k === 0 || v < d[k - 1]);
		if (up || down) return { kind: 'calendar', columns: cal, dates: d };
	}
	const offsets = header.map(periodHeaderOffset);
	// The longest run of adjacent columns counting up by one: 0, 1, 2 … or week 1, week 2 …
	let run: number[] = [];
	let cur: number[] = [];
	offsets.forEach((o, i) => {
		const prev = cur.length ? offsets[cur[cur.length - 1]]! : NaN;
		if (o === null) cur = [];
		else if (cur.length && cur[cur.length - 1] === i - 1 && o === prev + 1) cur.push(i);
		else cur = [i];
		if (cur.length > run.length) run = [...cur];
	});
	if (run.length >= MIN_PERIOD_COLUMNS && offsets[run[0]]! <= 1) {
		const inRun = new Set(run);
		const named = header.find((h, i) => !inRun.has(i) && ANCHOR_RE.test(h.trim()));
		const anchor = named ?? (dateColumn && header.includes(dateColumn) ? dateColumn : null);
		return {
			kind: 'relative',
			columns: run,
			// Period 1 of a 1-based run is the release week.
			offsets: run.map((i) => offsets[i]! - offsets[run[0]]!),
			anchor,
		};
	}
	return null;
}
