// UCI online retail weekly unit sales of the products ranked `from`..`to` by units sold before the cut,
// built from the shared transactions exactly as /work/shared/data/online_retail/weekly_top200_train.csv
// was (its README): lines whose InvoiceNo does not start with C, Quantity > 0, UnitPrice > 0 and a
// product StockCode (5 digits + optional letters); Monday-start weeks 2010-11-29 … 2011-09-05 (41), weeks
// without sales 0; products in StockCode order as in that file. The bench's `retail2` set (ranks
// 201–400: a fresh shop sample no rule had seen, DEEP.md "deep11"), `retail3` (401–600) and `retail4`
// (601–800; DEEP.md "deep12"), run.ts RANKED_RETAIL. Every build first checks that ranks
// 1–200 reproduce the shared top-200 file value for value, so the ranking is the file's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const DIR = '/work/shared/data/online_retail';
const FIRST_MONDAY = Date.UTC(2010, 10, 29);
const WEEKS = 41;
const WEEK = 7 * 86_400_000;
const PRODUCT = /^\d{5}[A-Za-z]*$/;

/** One CSV line's fields (double-quoted fields may hold commas and doubled quotes). */
function fields(line: string): string[] {
	const out: string[] = [];
	let cur = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const c = line[i];
		if (quoted) {
			if (c === '"' && line[i + 1] === '"') {
				cur += '"';
				i++;
			} else if (c === '"') quoted = false;
			else cur += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			out.push(cur);
			cur = '';
		} else cur += c;
	}
	out.push(cur);
	return out;
}

/** Weekly units per product StockCode (41 weeks) and each product's units in all. */
function weeklyUnits(): Map<string, { weeks: number[]; units: number }> {
	const text = gunzipSync(
		readFileSync(join(DIR, 'transactions_2010-12-01_to_2011-09-11.csv.gz')),
	).toString('utf8');
	const lines = text.trim().split('\n');
	const head = fields(lines[0]);
	const col = (name: string): number => {
		const i = head.indexOf(name);
		if (i < 0) throw new Error(`online retail transactions: no column ${name}`);
		return i;
	};
	const [ci, cc, cq, cd, cp] = [
		'InvoiceNo',
		'StockCode',
		'Quantity',
		'InvoiceDate',
		'UnitPrice',
	].map(col);
	const out = new Map<string, { weeks: number[]; units: number }>();
	for (let k = 1; k < lines.length; k++) {
		const f = fields(lines[k].replace(/\r$/, ''));
		const q = Number(f[cq]);
		if (f[ci].startsWith('C') || !(q > 0) || !(Number(f[cp]) > 0) || !PRODUCT.test(f[cc])) continue;
		const w = Math.floor((Date.parse(`${f[cd].slice(0, 10)}T00:00:00Z`) - FIRST_MONDAY) / WEEK);
		if (w < 0 || w >= WEEKS)
			throw new Error(`online retail transactions: line ${k + 1} out of range`);
		let p = out.get(f[cc]);
		if (!p) out.set(f[cc], (p = { weeks: new Array<number>(WEEKS).fill(0), units: 0 }));
		p.weeks[w] += q;
		p.units += q;
	}
	return out;
}

/** The shared top-200 file's product series (the two totals left out). */
function sharedTop200(): Map<string, number[]> {
	const lines = readFileSync(join(DIR, 'weekly_top200_train.csv'), 'utf8').trim().split('\n');
	const out = new Map<string, number[]>();
	for (const line of lines.slice(1)) {
		const [id, , v] = line.split(',');
		if (id.startsWith('TOTAL_')) continue;
		let a = out.get(id);
		if (!a) out.set(id, (a = []));
		a.push(Number(v));
	}
	return out;
}

/**
 * Products ranked `from`..`to` (1-based, inclusive) by units sold before the cut, in StockCode order,
 * each its 41 weekly values. Throws where ranks 1–200 do not reproduce the shared top-200 file, or a tie
 * in units straddles either end of the range (the rank would then be arbitrary).
 */
export function retailByRank(from: number, to: number): Map<string, number[]> {
	const all = weeklyUnits();
	const ranked = [...all].sort((a, b) => b[1].units - a[1].units || (a[0] < b[0] ? -1 : 1));
	const top = sharedTop200();
	const mine = ranked.slice(0, 200);
	const same =
		mine.length === top.size &&
		mine.every(([id, p]) => {
			const v = top.get(id);
			return !!v && v.length === WEEKS && v.every((x, t) => Math.abs(x - p.weeks[t]) < 1e-9);
		});
	if (!same) throw new Error('online retail: ranks 1–200 do not reproduce weekly_top200_train.csv');
	for (const edge of [from - 1, to])
		if (edge > 0 && edge < ranked.length && ranked[edge - 1][1].units === ranked[edge][1].units)
			throw new Error(`online retail: a tie in units between ranks ${edge} and ${edge + 1}`);
	return new Map(
		ranked
			.slice(from - 1, to)
			.sort((a, b) => (a[0] < b[0] ? -1 : 1))
			.map(([id, p]) => [id, p.weeks]),
	);
}

/** The week starts (UTC ms) of the 41 weeks. */
export const retailWeeks = (n: number): number[] =>
	Array.from({ length: n }, (_, t) => FIRST_MONDAY + t * WEEK);
