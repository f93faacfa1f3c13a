// Before/after check of an engine change (issue #11 speed): this checkout's forecastAuto against a
// baseline checkout's (e.g. main before the change) on the bench's shared data, at the validation
// horizon by default (--back 1: one horizon before the reported one, so the held-out part stays
// unseen): how many series get the same choice, the largest relative difference of the point
// forecasts (0 = bit-identical), MASE / sMAPE / OWA (against Naive2, as M4) of both, and the CPU
// time of both, measured in turn per series (the order alternates) so that the machine's load hits
// both alike. Reported, never asserted. Not part of npm test.
//   npx tsx tests/bench/engine-diff.ts --base /tmp/base --datasets m4:3,aus:3,stockx:1 [--back 1] [--verbose]
// (dataset:k = every k-th series; DIR's node_modules must resolve, e.g. a symlink).
import { isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { forecastAuto } from '../../src/core/engine';
import { profilePrior } from '../../src/core/forecast/seasonal-prior';
import { mase, owa, smape } from '../../src/core/metrics';
import { Naive2 } from '../../src/core/models/naive';
import { loadDatasets } from './run';

const args = process.argv.slice(2);
let baseDir = '';
let sets = 'm4:3,aus:3';
let back = 1;
let verbose = false;
// --level-shift trim|adjust: this checkout with the level-shift candidates in that mode
let levelShift: 'trim' | 'adjust' | undefined;
for (let i = 0; i < args.length; i++) {
	if (args[i] === '--base') baseDir = args[++i];
	else if (args[i] === '--datasets') sets = args[++i];
	else if (args[i] === '--back') back = Number(args[++i]);
	else if (args[i] === '--verbose') verbose = true;
	else if (args[i] === '--level-shift') {
		const v = args[++i];
		if (v !== 'trim' && v !== 'adjust') throw new Error(`--level-shift ${v}`);
		levelShift = v;
	} else throw new Error(`unknown flag ${args[i]}`);
}
if (!baseDir) throw new Error('--base DIR is required');
const dir = isAbsolute(baseDir) ? baseDir : join(process.cwd(), baseDir);
const base = (await import(pathToFileURL(join(dir, 'src/core/engine.ts')).href)) as {
	forecastAuto: typeof forecastAuto;
};
const cpuMs = (): number => {
	const c = process.cpuUsage();
	return (c.user + c.system) / 1e3;
};
for (const spec of sets.split(',')) {
	const [key, every] = spec.split(':');
	const [ds] = loadDatasets([key], undefined, back, Number(every ?? 1));
	const N = ds.series.length;
	let same = 0;
	let maxd = 0;
	const time = { ours: 0, base: 0 };
	const acc = { ours: [0, 0], base: [0, 0], naive2: [0, 0] };
	ds.series.forEach((s, i) => {
		const o = {
			horizon: ds.h,
			season: ds.m,
			levels: [0.8, 0.95],
			...(s.ds ? { seasonalPrior: profilePrior(s.ds, 'week', ds.h, 1) } : {}),
		};
		const run = (side: 'ours' | 'base') => {
			const t = cpuMs();
			const r =
				side === 'ours'
					? forecastAuto(s.train, { ...o, ...(levelShift ? { levelShift } : {}) })
					: base.forecastAuto(s.train, o);
			time[side] += cpuMs() - t;
			return r;
		};
		const [a, b] =
			i % 2 ? [run('ours'), run('base')] : (([x, y]) => [y, x])([run('base'), run('ours')]);
		const n2 = new Naive2().fit(s.train, { season: ds.scaleM }).predict(ds.h).point;
		for (let j = 0; j < ds.h; j++)
			maxd = Math.max(
				maxd,
				Math.abs(a.point[j] - b.point[j]) / Math.max(1e-9, Math.abs(b.point[j])),
			);
		if (a.model === b.model) same++;
		else if (verbose)
			console.log(
				`  ${s.id}: ${a.model} (MASE ${mase(s.test, a.point, s.train, ds.scaleM).toFixed(3)}) vs base ${b.model} (${mase(s.test, b.point, s.train, ds.scaleM).toFixed(3)})`,
			);
		for (const [k, p] of [
			['ours', a.point],
			['base', b.point],
			['naive2', n2],
		] as const) {
			acc[k][0] += mase(s.test, p, s.train, ds.scaleM) / N;
			acc[k][1] += smape(s.test, p) / N;
		}
	});
	const line = (k: 'ours' | 'base'): string =>
		`MASE ${acc[k][0].toFixed(4)} sMAPE ${acc[k][1].toFixed(3)} OWA ${owa(acc[k][1], acc[k][0], acc.naive2[1], acc.naive2[0]).toFixed(4)} · CPU ${(time[k] / N).toFixed(1)} ms/series`;
	console.log(
		`${key} (every ${every ?? 1}, back ${back}): ${N} series, same choice ${same}, largest relative point difference ${maxd.toExponential(1)}, CPU ours ÷ base ${(time.ours / time.base).toFixed(3)}`,
	);
	console.log(`  ours ${line('ours')}\n  base ${line('base')}`);
}
