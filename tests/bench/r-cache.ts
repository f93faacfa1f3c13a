// Cache R's forecasts (ets, auto.arima, thetaf; tests/bench/r-models.R) on the bench windows without
// running the engine, for quick-accuracy.ts at validation horizons:
//   npx tsx tests/bench/r-cache.ts --back 2 --datasets stockx:1,walmart:1,m4:5
// Writes the temp-folder files quick-accuracy.ts and run.ts --reuse-r read.
import { loadDatasets, runR } from './run';

const args = process.argv.slice(2);
let back = 0;
let sets = 'retail:1,stockx:1,walmart:1';
for (let i = 0; i < args.length; i++) {
	if (args[i] === '--back') back = Number(args[++i]);
	else if (args[i] === '--datasets') sets = args[++i];
	else throw new Error(`unknown flag ${args[i]}`);
}
for (const spec of sets.split(',')) {
	const [key, every] = spec.split(':');
	const e = Number(every ?? 1);
	const [ds] = loadDatasets([key], undefined, back, e);
	const tag = `all${back || e > 1 ? `-b${back}-e${e}` : ''}`;
	process.stderr.write(`${key} back ${back} every ${e}: ${ds.series.length} series\n`);
	runR(ds, true, tag);
}
