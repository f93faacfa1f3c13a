import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { forecastAutoAsync } from '../../src/core/engine';
import { registerBuiltins } from '../../src/core/forecast/builtins';
import { CandidateRegistry } from '../../src/core/forecast/registry';
import { deepBacktest } from '../../src/ml/backtest';
import { registerDeepCandidates } from '../../src/ml/candidates';
import { loadDatasets } from './run';
await tf.setBackend('wasm');
const key = process.argv[2] ?? 'walmart';
const [ds] = loadDatasets([key], undefined, 1, 6);
const WEEK = 7 * 86400000;
const indptr = new Int32Array(ds.series.length + 1);
ds.series.forEach((s, i) => (indptr[i + 1] = indptr[i] + s.train.length));
const y = new Float64Array(indptr[ds.series.length]);
const d = new Float64Array(y.length);
ds.series.forEach((s, i) => { y.set(s.train, indptr[i]); for (let t = 0; t < s.train.length; t++) d[indptr[i] + t] = s.ds?.[t] ?? Date.UTC(2019, 11, 30) - (s.train.length - 1 - t) * WEEK; });
const deep = await deepBacktest({ ids: ds.series.map((s) => s.id), indptr, ds: d, y }, { kinds: ['mlp'], horizon: ds.h, freq: 'week', epochs: 2 });
console.log('skipped', deep.skipped, Object.values(deep.tables)[0][ds.series[0].id].map((a) => a.end), ds.series[0].train.length);
const reg = new CandidateRegistry(); registerBuiltins(reg); registerDeepCandidates(reg, deep.tables, 1);
for (const s of ds.series.slice(0, 1)) {
	const r = await forecastAutoAsync(s.train, { horizon: ds.h, season: ds.m, levels: [0.8, 0.95], seriesId: s.id }, { registry: reg });
	console.log(r.model, r.notes.map((n) => n.code).join(','));
	console.log(r.leaderboard.slice(0, 12).map((l) => `${l.model} ${l.mase.toFixed(3)}`).join('\n'));
}
