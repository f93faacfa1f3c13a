// Spike rule at validation (issue #11, launches and spikes; RESULTS.md v2.3): for each series that ends on a
// spike (src/core/forecast/spike.ts endSpike), the engine on the series as it is vs on the spike-adjusted series
// plus the shop's spike curve (learned from every series' training part). Validation horizons only.
//   npx tsx tests/bench/spike-check.ts 1 stockx   (back, data set)
import { forecastAuto } from '../../src/core/engine';
import { profilePrior } from '../../src/core/forecast/seasonal-prior';
import { mase } from '../../src/core/metrics';
import { loadDatasets } from './run';
import { learnSpikeCurve, spikeAdjust, endSpike } from '../../src/core/forecast/spike';
const back = Number(process.argv[2] ?? 1);
if (!(back >= 1)) throw new Error('validation horizons only (back ≥ 1)');
const key = process.argv[3] ?? 'stockx';
const [ds] = loadDatasets([key], undefined, back, 1);
const curve = learnSpikeCurve(
	ds.series.map((s) => s.train),
	ds.h,
);
console.log('curve', curve?.events, curve?.share.map((x) => x.toFixed(2)).join(' '));
let a0 = 0,
	a1 = 0,
	m0 = 0,
	m1 = 0,
	c = 0;
for (const s of ds.series) {
	if (!curve || !endSpike(s.train)) continue;
	const o = {
		horizon: ds.h,
		season: ds.m,
		levels: [0.8, 0.95],
		seriesId: s.id,
		...(s.ds ? { seasonalPrior: profilePrior(s.ds, 'week', ds.h, 1) } : {}),
	};
	const r0 = forecastAuto(s.train, o);
	const adj = spikeAdjust(s.train, curve)!;
	const r1 = forecastAuto(adj.y, o);
	const p1 = r1.point.map((v, j) => v + adj.add[j]);
	const e0 = r0.point.reduce((a, v, j) => a + Math.abs(v - s.test[j]), 0),
		e1 = p1.reduce((a, v, j) => a + Math.abs(v - s.test[j]), 0);
	const ms0 = mase(s.test, r0.point, s.train, 1),
		ms1 = mase(s.test, p1, s.train, 1);
	a0 += e0;
	a1 += e1;
	m0 += ms0;
	m1 += ms1;
	c++;
	console.log(
		`${s.id.slice(0, 40).padEnd(40)} mase ${ms0.toFixed(2)} -> ${ms1.toFixed(2)}  last ${Array.from(s.train.slice(-4)).join(' ')} test ${Array.from(s.test.slice(0, 4)).join(' ')} f0 ${r0.point[0].toFixed(0)} f1 ${p1[0].toFixed(0)}`,
	);
}
console.log(
	`n ${c} AE ${a0.toFixed(0)} -> ${a1.toFixed(0)}  sum MASE ${m0.toFixed(2)} -> ${m1.toFixed(2)}`,
);
