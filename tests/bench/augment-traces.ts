// Adds study candidates to saved validation traces (tests/bench/selection.ts --run) without rerunning
// the engine: each model is fitted at the trace's backtest origins (the engine's windows: oldest first,
// one horizon apart, ending h before the training part's end) and on the whole training part, with one
// instance per series as the engine does. Only for series the engine fits whole (no launch trim, ≤ 520
// points): the ets forecasts are recomputed too and a series is skipped unless they match the trace's.
//   npx tsx tests/bench/augment-traces.ts --back 1,2,3 --datasets aus:5 --tag a4 --out a4x
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeModel } from '../../src/core/engine';
import { BaggedETS } from './models/bagged-ets';
import { OptimisedTheta } from './models/otm';
import type { Forecaster } from '../../src/core/types';

const args = process.argv.slice(2);
let backs = [1];
let sets = 'aus:5';
let tag = 'a4';
let out = 'a4x';
for (let i = 0; i < args.length; i++) {
	if (args[i] === '--back') backs = args[++i].split(',').map(Number);
	else if (args[i] === '--datasets') sets = args[++i];
	else if (args[i] === '--tag') tag = args[++i];
	else if (args[i] === '--out') out = args[++i];
	else throw new Error(`unknown flag ${args[i]}`);
}
const DIR = join(tmpdir(), 'trendcast-sel');
const MODELS: [string, () => Forecaster][] = [
	['bets', () => new BaggedETS()],
	['otm', () => new OptimisedTheta()],
];
for (const back of backs)
	for (const spec of sets.split(',')) {
		const [key, every] = spec.split(':');
		const file = (t: string) => join(DIR, `${key}-b${back}-e${Number(every ?? 1)}${t}.json`);
		const d = JSON.parse(readFileSync(file(tag), 'utf8'));
		let skipped = 0;
		const t0 = performance.now();
		for (const r of d.recs) {
			const y = Float64Array.from(r.train);
			const n = y.length;
			const h = r.actuals[0].length;
			const nO = r.actuals.length;
			const ends = Array.from({ length: nO }, (_, k) => n - h * (nO - k));
			const ets = r.cands.find((c: { name: string }) => c.name === 'ets');
			if (n > 520 || !ets) {
				skipped++;
				continue;
			}
			const em = makeModel('ets', { season: d.m, screen: true }) as Forecaster;
			const same = ends.every((e, k) => {
				const f = em.fit(y.subarray(0, e), { season: d.m }).predict(h).point;
				return ets.f[k] && f.every((v, j) => Math.abs(v - ets.f[k][j]) <= 1e-6 * (1 + Math.abs(v)));
			});
			if (!same) {
				skipped++;
				continue;
			}
			for (const [name, make] of MODELS) {
				const m = make();
				try {
					const f = ends.map((e) =>
						Array.from(m.fit(y.subarray(0, e), { season: d.m }).predict(h).point),
					);
					const fin = Array.from(m.fit(y, { season: d.m }).predict(d.h).point, (v) =>
						Math.max(0, v),
					);
					r.cands.push({ name, kind: 'single', members: [name], weights: [1], f });
					r.finals[name] = fin;
				} catch {
					// not applicable to this series
				}
			}
		}
		writeFileSync(file(out), JSON.stringify(d));
		process.stderr.write(
			`${key} b${back}: ${d.recs.length - skipped} of ${d.recs.length} series augmented in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`,
		);
	}
