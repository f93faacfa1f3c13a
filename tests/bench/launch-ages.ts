// Launch-curve ages and pooling swept on the VALIDATION horizons (helper "launch4", issue #11): the
// engine as the benches run it (engine-options.ts: spike curve, retail profile, regressors), once per
// series without a launch curve, then again only for the series a setting's curve applies to (the
// others' forecasts are identical). StockX sneakers get their brand as category (from the name), so
// "category first" pools Yeezy and Off-White launches apart; online retail's file has no categories.
// Mean MASE (lag 1) ÷ the best R model's on the same windows (tests/bench/r-cache.ts). Never --back 0.
//   npx tsx tests/bench/launch-ages.ts --back 1,2,3 --datasets stockx,retail
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forecastAuto } from '../../src/core/engine';
import {
	batchLaunchCurves,
	isYoungLaunch,
	type LaunchSettings,
} from '../../src/core/forecast/launch';
import { mase } from '../../src/core/metrics';
import { benchCurves, benchOptions, trainBatch } from './engine-options';
import { loadDatasets } from './run';

const args = process.argv.slice(2);
let backs = [1, 2, 3];
let sets = ['stockx', 'retail'];
for (let i = 0; i < args.length; i++) {
	if (args[i] === '--back') backs = args[++i].split(',').map(Number);
	else if (args[i] === '--datasets') sets = args[++i].split(',');
	else throw new Error(`unknown flag ${args[i]}`);
}
if (backs.includes(0))
	throw new Error('validation horizons only (--back 1, 2, 3): back 0 is held out');

const settings: (LaunchSettings & { name: string })[] = [];
for (const pool of ['category', 'shop'] as const)
	for (const minAge of [1, 2, 3])
		for (const maxAge of [5, 7, 10])
			settings.push({ name: `${minAge}-${maxAge} ${pool}`, minAge, maxAge, pool });

/** The brand of a StockX sneaker series (its category in the bench's batch). */
function categoryOf(id: string): string {
	if (!id.startsWith('sneaker:')) return '';
	return /yeezy/i.test(id) ? 'Yeezy' : 'Off-White';
}

function bestR(key: string, back: number, ds: ReturnType<typeof loadDatasets>[number]): string {
	const f = join(tmpdir(), 'trendcast-bench', `r-${key}-all-b${back}-e1.csv`);
	if (!existsSync(f)) return 'no R cache';
	const by = new Map<string, Map<string, Float64Array>>();
	for (const line of readFileSync(f, 'utf8').trim().split('\n').slice(1)) {
		const [id, model, step, mean] = line.split(',');
		let m = by.get(model);
		if (!m) by.set(model, (m = new Map()));
		let p = m.get(id);
		if (!p) m.set(id, (p = new Float64Array(ds.h).fill(NaN)));
		p[Number(step) - 1] = Number(mean);
	}
	let best = '';
	let bm = Infinity;
	for (const [model, m] of by) {
		const v = avg(ds.series.map((s) => mase(s.test, m.get(s.id)!, s.train, ds.scaleM)));
		if (v < bm) [bm, best] = [v, model];
	}
	return `${best} ${bm.toFixed(4)}`;
}

for (const back of backs)
	for (const key of sets) {
		const [ds] = loadDatasets([key], undefined, back, 1);
		if (ds.series.length === 0) {
			console.log(`## ${key} back ${back}: no series (too little history)\n`);
			continue;
		}
		const none = benchCurves(ds.series, ds.h, { launch: false });
		const bare = benchCurves(ds.series, ds.h, { launch: false, shrink: false });
		const base = ds.series.map((s, i) =>
			mase(s.test, forecastAuto(s.train, benchOptions(ds, i, none)).point, s.train, ds.scaleM),
		);
		const batch = { ...trainBatch(ds.series), categories: ds.series.map((s) => categoryOf(s.id)) };
		const rows = [`none: MASE ${avg(base).toFixed(4)}`];
		for (const st of settings) {
			const curves = batchLaunchCurves(batch, ds.h, st);
			const ms = [...base];
			const changed: string[] = [];
			let better = 0;
			let worse = 0;
			ds.series.forEach((s, i) => {
				const c = curves.curveFor(i);
				if (!c || !isYoungLaunch(s.train, c)) return;
				const r = forecastAuto(s.train, {
					...benchOptions(ds, i, bare),
					launchCurve: c,
				});
				ms[i] = mase(s.test, r.point, s.train, ds.scaleM);
				if (ms[i] < base[i]) better++;
				else if (ms[i] > base[i]) worse++;
				changed.push(
					`${s.id.slice(0, 34)} ${base[i].toFixed(2)}→${ms[i].toFixed(2)} (${r.model}, ${c.source})`,
				);
			});
			rows.push(
				`${st.name.padEnd(14)} MASE ${avg(ms).toFixed(4)} better ${better} worse ${worse}  ${changed.join(' | ')}`,
			);
		}
		console.log(
			`## ${key} back ${back} (${ds.series.length} series; best R ${bestR(key, back, ds)})\n${rows.join('\n')}\n`,
		);
	}

function avg(a: number[]): number {
	const f = a.filter(Number.isFinite);
	return f.reduce((x, y) => x + y, 0) / f.length;
}
