// Where the automatic choice spends its time (issue #11 speed): the engine is run on a data set with
// a registry whose built-in models are wrapped in timers, so every fit and predict is charged to its
// model and to "backtest" (a training window shorter than the engine's series) or "final" (the whole
// series). The options are tests/bench/speed.ts's (no regressors). What is left of forecastAuto's time is the engine's own work (outlier screen, scoring,
// combinations, conformal calibration). CPU seconds of this process.
//   npx tsx tests/bench/engine-profile.ts --datasets m4:8,retail:2 [--back 1]
import { forecastAuto, MAX_FIT_POINTS } from '../../src/core/engine';
import { registerBuiltins } from '../../src/core/forecast/builtins';
import { CandidateRegistry } from '../../src/core/forecast/registry';
import { profilePrior } from '../../src/core/forecast/seasonal-prior';
import type { FitOptions, Forecaster, PredictOptions } from '../../src/core/types';
import { loadDatasets } from './run';

const args = process.argv.slice(2);
let sets = 'm4:8';
let back = 0;
for (let i = 0; i < args.length; i++) {
	if (args[i] === '--datasets') sets = args[++i];
	else if (args[i] === '--back') back = Number(args[++i]);
	else throw new Error(`unknown flag ${args[i]}`);
}

let timerCalls = 0;
const cpu = (): number => {
	timerCalls++;
	const c = process.cpuUsage();
	return (c.user + c.system) / 1e6;
};
/** CPU seconds one timer read costs (subtracted from the engine's own work). */
const timerCost = ((): number => {
	const t0 = cpu();
	for (let i = 0; i < 20000; i++) cpu();
	return (cpu() - t0) / 20001;
})();

interface Cell {
	s: number;
	fits: number;
}
const table = new Map<string, Cell>();
const charge = (key: string, s: number, fit: boolean): void => {
	let c = table.get(key);
	if (!c) table.set(key, (c = { s: 0, fits: 0 }));
	c.s += s;
	if (fit) c.fits++;
};
let fullLength = 0;

function timed(name: string, inner: Forecaster): Forecaster {
	return {
		name: inner.name,
		fit(y: Float64Array, opts?: FitOptions) {
			const part = y.length >= fullLength ? 'final' : 'backtest';
			const t0 = cpu();
			const f = inner.fit(y, opts);
			charge(`${name} · ${part}`, cpu() - t0, true);
			return {
				...f,
				name: f.name,
				aicc: f.aicc,
				predict(h: number, p?: PredictOptions) {
					const t1 = cpu();
					const r = f.predict(h, p);
					charge(`${name} · ${part}`, cpu() - t1, false);
					return r;
				},
				predictInSample: () => f.predictInSample(),
				toState: () => f.toState(),
			};
		},
	};
}

const base = new CandidateRegistry();
registerBuiltins(base);
const reg = new CandidateRegistry();
for (const n of base.names()) {
	const c = base.get(n)!;
	reg.register({
		...c,
		forecaster: (o) => timed(n, c.forecaster!(o)),
	});
}

for (const spec of sets.split(',')) {
	const [key, every] = spec.split(':');
	const [ds] = loadDatasets([key], undefined, back, Number(every ?? 1));
	table.clear();
	timerCalls = 0;
	let total = 0;
	const chosen = new Map<string, number>();
	for (const s of ds.series) {
		fullLength = Math.min(s.train.length, MAX_FIT_POINTS);
		// the launch trim shortens the engine's series: count from the first sale
		let z = 0;
		while (z < s.train.length && s.train[z] === 0) z++;
		if (z >= 4) fullLength = Math.min(s.train.length - z, MAX_FIT_POINTS);
		const opts = {
			horizon: ds.h,
			season: ds.m,
			levels: [0.8, 0.95],
			...(s.ds ? { seasonalPrior: profilePrior(s.ds, 'week', ds.h, 1) } : {}),
		};
		const t0 = cpu();
		const r = forecastAuto(s.train, opts, { registry: reg });
		total += cpu() - t0;
		chosen.set(r.model, (chosen.get(r.model) ?? 0) + 1);
	}
	const models = [...table.values()].reduce((a, c) => a + c.s, 0);
	// the model timers' own reads, made inside forecastAuto
	const timers = (timerCalls - 2 * ds.series.length) * timerCost;
	const n = ds.series.length;
	const lens = ds.series.map((s) => s.train.length).sort((a, b) => a - b);
	console.log(
		`\n## ${ds.title}: ${n} series (every ${every ?? 1}), back ${back}, length median ${lens[n >> 1]}, ${(total / n).toFixed(4)} CPU s a series`,
	);
	console.log('\n| model · part | CPU s a series | share | fits a series | ms a fit |');
	console.log('|---|---:|---:|---:|---:|');
	for (const [k, c] of [...table].sort((a, b) => b[1].s - a[1].s))
		console.log(
			`| ${k} | ${(c.s / n).toFixed(4)} | ${((100 * c.s) / total).toFixed(1)} % | ${(c.fits / n).toFixed(2)} | ${((1000 * c.s) / Math.max(1, c.fits)).toFixed(2)} |`,
		);
	const own = total - models - timers;
	console.log(
		`| engine's own work (outliers, scoring, conformal, …) | ${(own / n).toFixed(4)} | ${((100 * own) / total).toFixed(1)} % | | |`,
	);
	console.log(
		`| (the profiler's timer reads) | ${(timers / n).toFixed(4)} | ${((100 * timers) / total).toFixed(1)} % | | |`,
	);
	console.log(
		`\nchosen: ${[...chosen]
			.sort((a, b) => b[1] - a[1])
			.map(([m, c]) => `${m} ${c}`)
			.join(', ')}`,
	);
}
