// The shipped deep rule's (deepDecision, "G4") ratios to the engine alone with bootstrap confidence
// intervals over series, from the per-series dumps of tests/bench/deep-ensemble.ts (--dump DIR, --gains
// inf): per cell (one set at one horizon) and pooled over cells (DEEP.md "deep12"). No training, no
// engine pass. G4's result on a cell is the "always mix" run where the dump says the rule kept the
// deep model, else the engine's own forecast (ratio 1, CI [1, 1]). MASE ratio = mean per-series MASE ÷
// the engine's (series with a MASE scale); WAPE ratio = Σ|error| ÷ the engine's Σ|error| (the actuals'
// sum cancels). Pooled: every series of every cell in one sum. Bootstrap: products drawn with
// replacement within each set (a product drawn brings its series in every cell of that set, so the two
// horizons of one product stay together), 2,000 resamples, seeded; 95 % percentile intervals.
// Also per cell: products where G4's forecast has the lower / higher absolute error than the engine's.
// Usage: tsx tests/bench/deep-bootstrap.ts DIR [--pool retail3,retail4] [--resamples 2000] [--seed 1]
//        (--pool: also the pooled ratio over these sets' cells alone; the pooled row over all cells of
//        DIR is always printed)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../../src/core/stats';
import { refuseUnknownFlags } from './harness';

interface One {
	model: string;
	point: number[];
}
interface DumpSeries {
	id: string;
	train: number[];
	test: number[];
	base: One;
	runs: Record<string, One>;
}
interface Dump {
	key: string;
	h: number;
	scaleM: number;
	back: number;
	shipped?: boolean | null;
	series: DumpSeries[];
}

/** One series of one cell: the engine's and G4's absolute error sums and the MASE scale (h × scale). */
interface Err {
	id: string;
	engine: number;
	g4: number;
	mix: number;
	/** h × the mean absolute lag-scaleM difference of the training part; 0: no MASE. */
	scale: number;
}
interface Cell {
	key: string;
	back: number;
	keep: boolean;
	mixed: number;
	errs: Err[];
}

const [dir, ...argv] = process.argv.slice(2);
if (!dir || dir.startsWith('--'))
	throw new Error('usage: tsx tests/bench/deep-bootstrap.ts DIR [--pool a,b]');
refuseUnknownFlags(
	argv,
	{ values: ['pool', 'resamples', 'seed'], switches: [] },
	'deep-bootstrap.ts',
);
const flag = (name: string): string | undefined => {
	const i = argv.indexOf(`--${name}`);
	return i >= 0 ? argv[i + 1] : undefined;
};
const B = Number(flag('resamples') ?? 2000);
const SEED = Number(flag('seed') ?? 1);
const POOL = (flag('pool') ?? '').split(',').filter(Boolean);

const sumAbs = (a: number[], p: number[]): number =>
	a.reduce((s, x, j) => s + Math.abs(x - p[j]), 0);

function cellOf(d: Dump): Cell {
	if (d.shipped === undefined || d.shipped === null)
		throw new Error(
			`${d.key} back ${d.back}: the dump has no shipped decision (rerun with --gains inf)`,
		);
	const keep = d.shipped;
	let mixed = 0;
	const errs = d.series.map((s) => {
		const mix = s.runs.Infinity;
		if (!mix) throw new Error(`${d.key} back ${d.back}: no "always mix" run in the dump`);
		let sc = 0;
		let k = 0;
		for (let t = d.scaleM; t < s.train.length; t++) {
			sc += Math.abs(s.train[t] - s.train[t - d.scaleM]);
			k++;
		}
		const test = s.test.slice(0, d.h);
		const engine = sumAbs(test, s.base.point);
		const m = sumAbs(test, mix.point);
		if (mix.model.includes('deep-')) mixed++;
		return { id: s.id, engine, mix: m, g4: keep ? m : engine, scale: k > 0 ? d.h * (sc / k) : 0 };
	});
	return { key: d.key, back: d.back, keep, mixed, errs };
}

interface Ratio {
	mase: number;
	wape: number;
}
function ratio(errs: readonly Err[], which: 'g4' | 'mix'): Ratio {
	let mn = 0;
	let md = 0;
	let wn = 0;
	let wd = 0;
	for (const e of errs) {
		wn += e[which];
		wd += e.engine;
		if (e.scale > 0) {
			mn += e[which] / e.scale;
			md += e.engine / e.scale;
		}
	}
	return { mase: mn / md, wape: wn / wd };
}

/**
 * 95 % percentile intervals of the ratios over resamples of products within each set: `cells` share
 * a product's draw where they belong to the same set.
 */
function bootstrap(
	cells: readonly Cell[],
	which: 'g4' | 'mix',
): { mase: number[]; wape: number[] } {
	// mulberry32: seeded, so the intervals repeat
	const rand = mulberry32(SEED);
	const sets = [...new Set(cells.map((c) => c.key))];
	// per set: its products, and per product its errors in every cell of the set
	const groups = sets.map((key) => {
		const byId = new Map<string, Err[]>();
		for (const c of cells.filter((x) => x.key === key))
			for (const e of c.errs) {
				let l = byId.get(e.id);
				if (!l) byId.set(e.id, (l = []));
				l.push(e);
			}
		return [...byId.values()];
	});
	const mases: number[] = [];
	const wapes: number[] = [];
	for (let b = 0; b < B; b++) {
		const draw: Err[] = [];
		for (const g of groups)
			for (let i = 0; i < g.length; i++) draw.push(...g[Math.floor(rand() * g.length)]);
		const r = ratio(draw, which);
		mases.push(r.mase);
		wapes.push(r.wape);
	}
	const q = (a: number[], p: number): number => {
		const s = [...a].sort((x, y) => x - y);
		return s[Math.min(s.length - 1, Math.max(0, Math.round(p * (s.length - 1))))];
	};
	return { mase: [q(mases, 0.025), q(mases, 0.975)], wape: [q(wapes, 0.025), q(wapes, 0.975)] };
}

const f = (x: number): string => x.toFixed(3);
/** An interval's bound: 4 decimals where 3 would read 1.000 (the reading turns on its side of 1). */
const fb = (x: number): string => (Math.abs(x - 1) < 0.0005 && x !== 1 ? x.toFixed(4) : f(x));
const reading = (ci: number[]): string =>
	ci[1] < 1 ? 'better' : ci[0] > 1 ? 'worse' : ci[0] === 1 && ci[1] === 1 ? 'no change' : 'level';

function row(name: string, cells: readonly Cell[]): string {
	const errs = cells.flatMap((c) => c.errs);
	const g = ratio(errs, 'g4');
	const ci = bootstrap(cells, 'g4');
	const m = ratio(errs, 'mix');
	const mci = bootstrap(cells, 'mix');
	const eps = 1e-9;
	const better = errs.filter((e) => e.g4 < e.engine - eps).length;
	const worse = errs.filter((e) => e.g4 > e.engine + eps).length;
	const mixed = cells.reduce((s, c) => s + (c.keep ? c.mixed : 0), 0);
	const keep = cells.map((c) => (c.keep ? 'mix' : 'engine')).join(', ');
	return `| ${name} | ${errs.length} | ${keep} (${mixed}) | **${f(g.mase)}** [${fb(ci.mase[0])}, ${fb(ci.mase[1])}] ${reading(ci.mase)} | **${f(g.wape)}** [${fb(ci.wape[0])}, ${fb(ci.wape[1])}] ${reading(ci.wape)} | ${better} / ${worse} / ${errs.length - better - worse} | ${f(m.mase)} [${fb(mci.mase[0])}, ${fb(mci.mase[1])}] / ${f(m.wape)} [${fb(mci.wape[0])}, ${fb(mci.wape[1])}] |`;
}

const cells = readdirSync(dir)
	.filter((n) => n.endsWith('.json'))
	.sort()
	.map((n) => cellOf(JSON.parse(readFileSync(join(dir, n), 'utf8')) as Dump));
const horizon = (c: Cell): string => (c.back === 0 ? 'last horizon' : `V${c.back}`);
const lines = [
	`G4 (deepDecision) ÷ the engine alone, ${B} resamples of products within each set (seed ${SEED}), 95 % intervals; "better" / "worse": the interval wholly below / above 1, else "level".`,
	'',
	'| cell | series | G4 decision (series mixed) | G4 MASE ratio [95 %] | G4 WAPE ratio [95 %] | products G4 better / worse / same | ref. always mix MASE / WAPE [95 %] |',
	'| --- | --- | --- | --- | --- | --- | --- |',
	...cells.map((c) => row(`${c.key} ${horizon(c)}`, [c])),
	row(`pooled: ${[...new Set(cells.map((c) => c.key))].join(', ')} (${cells.length} cells)`, cells),
];
if (POOL.length) {
	const some = cells.filter((c) => POOL.includes(c.key));
	lines.push(row(`pooled: ${POOL.join(', ')} (${some.length} cells)`, some));
}
process.stdout.write(lines.join('\n') + '\n');
