// Weekly market signals from stored search exports (Google Trends and the like), shared by the market
// worker (fusion, the Market report) and the train worker (the deep models' signal input) without
// the market worker's text analysis.
import type { SearchSeries } from '../../src/core/ingest/schemas/search';
import type { TrendcastDb } from '../../src/lib/db/db';
import type { WeeklySignal } from './fusion';

const DAY = 86_400_000;

/** Monday of the week holding t (UTC). */
export function mondayOf(t: number): number {
	const d = Math.floor(t / DAY) * DAY;
	return d - ((new Date(d).getUTCDay() + 6) % 7) * DAY;
}

/** A search series as weekly means on Monday weeks (Google's Sunday weeks move to the Monday after). */
export function searchWeekly(x: SearchSeries): Map<number, number> {
	const weekly = new Map<number, number>();
	const cnt = new Map<number, number>();
	x.ds.forEach((t, i) => {
		if (!Number.isFinite(x.y[i])) return;
		const w = mondayOf(t + (new Date(t).getUTCDay() === 0 ? DAY : 0));
		weekly.set(w, (weekly.get(w) ?? 0) + x.y[i]);
		cnt.set(w, (cnt.get(w) ?? 0) + 1);
	});
	for (const [w, v] of weekly) weekly.set(w, v / (cnt.get(w) ?? 1));
	return weekly;
}

/** Every stored search series as a weekly signal (the Market screen's search imports). */
export async function storedSearchSignals(db: TrendcastDb): Promise<WeeklySignal[]> {
	const out: WeeklySignal[] = [];
	const sets = await db.signalSets.where('kind').equals('search').sortBy('createdAt');
	for (const s of sets.reverse()) {
		const records = ((await db.signalRecords.get(s.id))?.records ?? []) as SearchSeries[];
		for (const x of records)
			out.push({ kind: 'search', name: x.term, weekly: searchWeekly(x), zeroFill: false });
	}
	return out;
}
