// What selection.ts writes and combine-rules.ts reads back: one record per series of a validation
// horizon's engine trace, R's cached forecasts on the same windows, and the two ways the rules
// combine forecasts. Shared so the writer and the reader cannot drift apart.
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One series' trace: its windows, the engine's choice and every candidate's backtest forecasts. */
export interface Rec {
	id: string;
	train: number[];
	test: number[];
	m: number;
	seasonal: boolean;
	chosen: string;
	point: number[];
	actuals: number[][];
	scales: number[];
	cands: {
		name: string;
		kind: string;
		members: string[];
		weights: number[];
		f: (number[] | null)[];
	}[];
	finals: Record<string, number[]>;
}

/** R's cached point forecasts (tests/bench/r-cache.ts, run.ts) by model → id. */
export function rForecasts(
	key: string,
	back: number,
	e: number,
	h: number,
): Map<string, Map<string, number[]>> {
	const tag = `all${back || e > 1 ? `-b${back}-e${e}` : ''}`;
	const f = join(tmpdir(), 'trendcast-bench', `r-${key}-${tag}.csv`);
	const out = new Map<string, Map<string, number[]>>();
	if (!existsSync(f)) return out;
	for (const line of readFileSync(f, 'utf8').trim().split('\n').slice(1)) {
		const [id, model, step, mean] = line.split(',');
		let m = out.get(model);
		if (!m) out.set(model, (m = new Map()));
		let p = m.get(id);
		if (!p) m.set(id, (p = new Array(h).fill(NaN)));
		p[Number(step) - 1] = Number(mean);
	}
	return out;
}

/** Step by step: the weighted sum of `parts` (weights `w`), or their median. */
export function combineF(kind: string, parts: number[][], w: number[]): number[] {
	return parts[0].map((_, j) => {
		if (kind !== 'median') return parts.reduce((s, p, i) => s + w[i] * p[j], 0);
		const v = parts.map((p) => p[j]).sort((a, b) => a - b);
		const mid = v.length >> 1;
		return v.length % 2 ? v[mid] : 0.5 * (v[mid - 1] + v[mid]);
	});
}

/** The mean of `a`, NaN when it is empty or holds a non-finite value. */
export const meanOf = (a: number[]): number => {
	const f = a.filter(Number.isFinite);
	return f.length === a.length && f.length ? f.reduce((x, y) => x + y, 0) / f.length : NaN;
};
