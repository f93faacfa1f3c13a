// Hierarchy bench (issue #11): forecast every node of Walmart (45 stores → total) and StockX
// (sneaker → brand → total) with the automatic engine, then compare the base (incoherent) forecasts
// with bottom-up and MinT-shrink reconciliation (src/core/forecast/hierarchy.ts) by MASE and pooled
// WAPE per level, on the same held-out windows as `npm run bench`. `--tune` holds out the horizon
// before the reported one (where the method is chosen). Usage: tsx tests/bench/hierarchy.ts [--tune]
// [--out FILE.md]. Not part of npm test.
import { gunzipSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';
import { forecastAuto } from '../../src/core/engine';
import {
	buildHierarchy,
	naiveResiduals,
	reconcile,
	type Hierarchy,
} from '../../src/core/forecast/hierarchy';
import { mase } from '../../src/core/metrics';
import { loadDatasets, regressorsOf, type Dataset, type Series } from './run';

const args = process.argv.slice(2);
const back = args.includes('--tune') ? 1 : 0;
const outIdx = args.indexOf('--out');
const out = outIdx >= 0 ? args[outIdx + 1] : 'tests/bench/results/HIERARCHY.md';

interface Level {
	name: string;
	nodes: string[];
}

/** The hierarchy and its levels for a data set, with every node's series (train + test). */
function structure(ds: Dataset): {
	hier: Hierarchy;
	levels: Level[];
	series: Map<string, Series>;
} {
	const series = new Map(ds.series.map((s) => [s.id, s]));
	if (ds.key === 'walmart') {
		const stores = ds.series.map((s) => s.id);
		const n = ds.series[0].train.length;
		const total: Series = {
			id: 'total',
			train: new Float64Array(n),
			test: new Float64Array(ds.h),
		};
		for (const s of ds.series) {
			for (let t = 0; t < n; t++) total.train[t] += s.train[t];
			for (let t = 0; t < ds.h; t++) total.test[t] += s.test[t];
		}
		series.set('total', total);
		return {
			hier: buildHierarchy(stores.map((id) => ({ id, groups: [] }))),
			levels: [
				{ name: 'total', nodes: ['total'] },
				{ name: 'store', nodes: stores },
			],
			series,
		};
	}
	// StockX: the brand of each sneaker, from the transactions
	const text = gunzipSync(
		readFileSync('/work/shared/data/stockx_sneakers/stockx_sales_2017-09-01_to_2018-11-18.csv.gz'),
	).toString('utf8');
	const brandOf = new Map<string, string>();
	for (const line of text.trim().split('\n').slice(1)) {
		const [, brand, name] = line.split(',');
		brandOf.set(`sneaker:${name}`, `brand:${brand}`);
	}
	const sneakers = ds.series.map((s) => s.id).filter((id) => id.startsWith('sneaker:'));
	const brands = [...new Set(sneakers.map((id) => brandOf.get(id) as string))];
	const total = series.get('TOTAL') as Series;
	series.set('total', total);
	return {
		hier: buildHierarchy(sneakers.map((id) => ({ id, groups: [brandOf.get(id) as string] }))),
		levels: [
			{ name: 'total', nodes: ['total'] },
			{ name: 'brand', nodes: brands },
			{ name: 'sneaker', nodes: sneakers },
		],
		series,
	};
}

function main(): void {
	const md: string[] = [
		'# Hierarchical forecasts (issue #11)',
		'',
		`Run: ${new Date().toISOString()} · ${back ? 'TUNING origin (one horizon before the reported one)' : 'reported origin (last horizon of each shared part)'} · \`tsx tests/bench/hierarchy.ts${args.length ? ' ' + args.join(' ') : ''}\``,
		'',
		'Every node is forecast by the automatic engine (Walmart with its Holiday_Flag and markdowns); "base" are those forecasts as they are (the total is not the sum of the stores); bottom-up sums the bottom forecasts; MinT-shrink combines all of them with the shrunk covariance of the one-step (naive) errors of the last 104 periods, as hts::MinT(type = "shr") does with the base models\' residuals. MASE (lag 1) averaged over the level\'s nodes; pooled WAPE over the level.',
		'',
	];
	for (const ds of loadDatasets(['walmart', 'stockx'], undefined, back, 1)) {
		const { hier, levels, series } = structure(ds);
		const t0 = performance.now();
		const base = hier.nodes.map((id) => {
			const s = series.get(id) as Series;
			const regressors = regressorsOf(s, ds.h);
			return forecastAuto(s.train, {
				horizon: ds.h,
				season: ds.m,
				...(regressors ? { regressors } : {}),
			}).point;
		});
		const secs = (performance.now() - t0) / 1000;
		const history = hier.nodes.map((id) => (series.get(id) as Series).train);
		const bu = reconcile(hier, base, 'bottom-up').forecasts;
		const mint = reconcile(hier, base, 'mint-shrink', naiveResiduals(history));
		const methods: [string, Float64Array[]][] = [
			['base (incoherent)', base],
			['bottom-up', bu],
			[`MinT-shrink (λ = ${mint.lambda?.toFixed(3) ?? 'n/a'})`, mint.forecasts],
		];
		md.push(
			`## ${ds.title}`,
			'',
			`${hier.nodes.length} nodes, ${hier.m} at the bottom; engine ${secs.toFixed(1)} s.`,
			'',
		);
		md.push(
			`| method | ${levels.map((l) => `${l.name} MASE / WAPE`).join(' | ')} | all nodes MASE |`,
			`|---|${levels.map(() => '---').join('|')}|---|`,
		);
		for (const [name, f] of methods) {
			const cells: string[] = [];
			const all: number[] = [];
			for (const l of levels) {
				let err = 0;
				let act = 0;
				const m: number[] = [];
				for (const id of l.nodes) {
					const i = hier.nodes.indexOf(id);
					const s = series.get(id) as Series;
					const v = mase(s.test, f[i], s.train, 1);
					if (Number.isFinite(v)) {
						m.push(v);
						all.push(v);
					}
					for (let t = 0; t < ds.h; t++) {
						err += Math.abs(s.test[t] - f[i][t]);
						act += Math.abs(s.test[t]);
					}
				}
				cells.push(
					`${(m.reduce((a, b) => a + b, 0) / m.length).toFixed(3)} / ${(err / act).toFixed(3)}`,
				);
			}
			md.push(
				`| ${name} | ${cells.join(' | ')} | ${(all.reduce((a, b) => a + b, 0) / all.length).toFixed(3)} |`,
			);
		}
		md.push('');
		process.stderr.write(md.slice(-8).join('\n') + '\n');
	}
	writeFileSync(out, md.join('\n'));
	process.stderr.write(`wrote ${out}\n`);
}

main();
