// Monthly aggregates of the shop data sets, for the monthly pretrained start (tests/bench/deep.ts
// `--freq month`): online retail (the 200 products of weekly_top200_train.csv and TOTAL_UNITS, from
// the transactions by calendar month, Dec 2010 … Aug 2011 = 9 months, the same lines the weekly file
// counts) and StockX (orders per sneaker, brand and total, Sep 2017 … Oct 2018 = 14 months). A
// month's history this short allows only a short horizon: the last MONTH_H = 3 months are held out
// (back 0, never scored this session), `back` k holds out the k-th 3 months before them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Dataset, Series } from './run';

const DATA = '/work/shared/data';
/** Months held out and scored per horizon on the monthly aggregates. */
export const MONTH_H = 3;
/** Fewest training months a series keeps. */
const MIN_TRAIN = 3;

const monthKey = (d: string): string => d.slice(0, 7);
const monthsBetween = (first: string, last: string): string[] => {
	const out: string[] = [];
	let [y, m] = first.split('-').map(Number);
	const [ly, lm] = last.split('-').map(Number);
	while (y < ly || (y === ly && m <= lm)) {
		out.push(`${y}-${String(m).padStart(2, '0')}`);
		if (++m > 12) {
			m = 1;
			y++;
		}
	}
	return out;
};

function splitMonths(id: string, v: number[], grid: string[], back: number): Series | null {
	const end = v.length - back * MONTH_H;
	if (end - MONTH_H < MIN_TRAIN) return null;
	return {
		id,
		train: Float64Array.from(v.slice(0, end - MONTH_H)),
		test: Float64Array.from(v.slice(end - MONTH_H, end)),
		ds: Float64Array.from(grid.slice(0, end - MONTH_H), (k) => Date.parse(`${k}-01T00:00:00Z`)),
	};
}

function counted(
	counts: Map<string, Map<string, number>>,
	grid: string[],
	back: number,
	every: number,
): Series[] {
	return [...counts]
		.sort((a, b) => (a[0] < b[0] ? -1 : 1))
		.filter((_, i) => i % every === 0)
		.flatMap(([id, m]) => {
			const s = splitMonths(
				id,
				grid.map((k) => m.get(k) ?? 0),
				grid,
				back,
			);
			return s && s.train.some((x) => x > 0) ? [s] : [];
		});
}

/** The monthly aggregates named in `keys` ('retail-month', 'stockx-month'). */
export function loadMonthly(keys: string[], back: number, every: number): Dataset[] {
	const out: Dataset[] = [];
	const add = (counts: Map<string, Map<string, number>>, id: string, k: string, n: number) => {
		let m = counts.get(id);
		if (!m) counts.set(id, (m = new Map()));
		m.set(k, (m.get(k) ?? 0) + n);
	};
	if (keys.includes('retail-month')) {
		const top = new Set(
			readFileSync(join(DATA, 'online_retail/weekly_top200_products.csv'), 'utf8')
				.trim()
				.split('\n')
				.slice(1)
				.map((l) => l.split(',')[0]),
		);
		const text = gunzipSync(
			readFileSync(join(DATA, 'online_retail/transactions_2010-12-01_to_2011-09-11.csv.gz')),
		).toString('utf8');
		const counts = new Map<string, Map<string, number>>();
		const lines = text.trim().split('\n');
		const header = lines[0].split(',');
		const n = header.length;
		for (const line of lines.slice(1)) {
			const f = line.split(',');
			// descriptions may hold commas: the columns after it are read from the right
			const invoice = f[0];
			const code = f[1];
			const qty = Number(f[f.length - n + 3]);
			const date = f[f.length - n + 4];
			const price = Number(f[f.length - n + 5]);
			if (invoice.startsWith('C') || !(qty > 0) || !(price > 0)) continue;
			if (!/^\d{5}[A-Za-z]*$/.test(code)) continue;
			const k = monthKey(date);
			add(counts, 'TOTAL_UNITS', k, qty);
			if (top.has(code)) add(counts, code, k, qty);
		}
		out.push({
			key: 'retail-month',
			title: `Online retail top-200 + total, monthly (Dec 2010 … Aug 2011; h = ${MONTH_H})`,
			h: MONTH_H,
			m: 12,
			scaleM: 1,
			country: 'GB',
			series: counted(counts, monthsBetween('2010-12', '2011-08'), back, every),
		});
	}
	if (keys.includes('stockx-month')) {
		const text = gunzipSync(
			readFileSync(join(DATA, 'stockx_sneakers/stockx_sales_2017-09-01_to_2018-11-18.csv.gz')),
		).toString('utf8');
		const counts = new Map<string, Map<string, number>>();
		for (const line of text.trim().split('\n').slice(1)) {
			const [date, brand, name] = line.split(',');
			const k = monthKey(date);
			add(counts, `sneaker:${name}`, k, 1);
			add(counts, `brand:${brand}`, k, 1);
			add(counts, 'TOTAL', k, 1);
		}
		out.push({
			key: 'stockx-month',
			title: `StockX orders per sneaker, brand and total, monthly (Sep 2017 … Oct 2018; h = ${MONTH_H})`,
			h: MONTH_H,
			m: 12,
			scaleM: 1,
			country: 'US',
			series: counted(counts, monthsBetween('2017-09', '2018-10'), back, every),
		});
	}
	return out;
}
