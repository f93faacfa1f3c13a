// Calibrated ranges after a fall in level (tests/bench/results/SHORT-HISTORY.md "fallcal"): the engine
// as quick-accuracy.ts runs it (benchOptions, the batch's curves) on a VALIDATION origin (--back 1 or 2;
// the held-out horizon is refused), with the engine option fallRange 'level' (R), 'sqrt' (R2m) or
// 'sqrt-screened' (R2s, "fallcal3") or 'sqrt-persistent' (R2p, "fallcal4"); where its note says it acted
// (the changed series), and on every 10th series regardless, once more with it off (main) — a series
// without the note must come out identical (counted as differences). Per data set and on the changed
// series: 80 / 95 % coverage (pooled over points) and mean MSIS at 80 % (α = 0.2) and 95 % (α = 0.05),
// metrics.msis with the data set's MASE lag.
//   nice -n 10 npx tsx tests/bench/fall-intervals.ts --back 1 [--candidate level|sqrt|sqrt-screened|
//       sqrt-persistent] [--datasets retail:1,stockx:1,...] [--pooled]
// --fresh-last (instead of --back): back 0 of the fresh online retail samples only (retail2, retail3,
// retail4: their last horizon lies inside the shared transactions; "fallcal4"), refused for any other set.
// --held-out (instead of --back): the reported horizon, to report a setting already decided (heldout32).
// The last column: mean MASE (the data set's lag) / pooled WAPE of the candidate's points.
import { forecastAuto } from '../../src/core/engine';
import type { AutoForecastResult } from '../../src/core/engine-types';
import { coverage, mase, msis } from '../../src/core/metrics';
import { registerBuiltins } from '../../src/core/forecast/builtins';
import { PooledModel, pooledGate, usesPooled } from '../../src/core/forecast/pooled';
import { CandidateRegistry } from '../../src/core/forecast/registry';
import { ausMonths, benchCurves, benchOptions } from './engine-options';
import { refuseUnknownFlags, validationArgs } from './harness';
import { loadDatasets, RANKED_RETAIL, type Series } from './run';

const NOTE = 'engine_note_range_level_fall';
// --candidate level|sqrt|sqrt-screened|sqrt-persistent (this bench's own; the rest go to
// validationArgs, which refuses unknowns)
const CANDIDATES = ['level', 'sqrt', 'sqrt-screened', 'sqrt-persistent'] as const;
const argv = process.argv.slice(2);
const ci = argv.indexOf('--candidate');
const asked = ci >= 0 ? argv.splice(ci, 2)[1] : 'level';
const candidate = CANDIDATES.find((c) => c === asked);
if (!candidate) throw new Error(`--candidate ${CANDIDATES.join('|')}`);
// --cuts n,n,…: each series' training part cut to its last n points (series longer than n), its
// regressors and dates alike, the batch's curves learnt on each cut set; the test part unchanged
const cutsAt = argv.indexOf('--cuts');
const CUTS = cutsAt >= 0 ? argv.splice(cutsAt, 2)[1].split(',').map(Number) : [0];
if (!CUTS.every((n) => Number.isInteger(n) && n >= 0)) throw new Error('--cuts n,n,…');
// --pooled: the app's default, the engine with the gated pooled model (as quick-accuracy.ts --pooled:
// the batch's pooled candidate; where the batch fails pooledGate the forecasts that used it again
// without it), both ways (heldout32)
const pi = argv.indexOf('--pooled');
const withPooled = pi >= 0 && argv.splice(pi, 1).length > 0;
// --held-out: the reported horizon (back 0), to REPORT a setting already decided on validation windows
// ("heldout32": never to choose or tune one); only --datasets beside it
const hi = argv.indexOf('--held-out');
const heldOut = hi >= 0 && argv.splice(hi, 1).length > 0;
const fi = argv.indexOf('--fresh-last');
const freshLast = fi >= 0 && argv.splice(fi, 1).length > 0;
const DEFAULT_SETS = 'retail:1,stockx:1,walmart:1,m4:5,aus:5';
const { back, sets } = freshLast
	? freshLastArgs(argv)
	: heldOut
		? heldOutArgs(argv)
		: validationArgs(argv, 'fall-intervals.ts', DEFAULT_SETS);
/** --fresh-last: back 0 of retail2 / retail3 / retail4 only (their --datasets required). */
function freshLastArgs(a: readonly string[]): { back: 0; sets: string } {
	refuseUnknownFlags(a, { values: ['datasets'], switches: [] }, 'fall-intervals.ts --fresh-last');
	const i = a.indexOf('--datasets');
	const sets = i >= 0 ? a[i + 1] : '';
	if (heldOut || !sets || !sets.split(',').every((d) => d.split(':')[0] in RANKED_RETAIL))
		throw new Error('--fresh-last: --datasets retail2/retail3/retail4 only (no --held-out)');
	return { back: 0, sets };
}
function heldOutArgs(a: readonly string[]): { back: 0; sets: string } {
	refuseUnknownFlags(a, { values: ['datasets'], switches: [] }, 'fall-intervals.ts --held-out');
	const i = a.indexOf('--datasets');
	return { back: 0, sets: i >= 0 ? a[i + 1] : DEFAULT_SETS };
}

interface Acc {
	n: number;
	pts: number;
	in80: number;
	in95: number;
	msis80: number;
	msis95: number;
	nMsis: number;
	/** Points: MASE summed over series (finite ones), and pooled absolute errors / actuals (WAPE). */
	mase: number;
	nMase: number;
	ae: number;
	aa: number;
}
const acc = (): Acc => ({
	n: 0,
	pts: 0,
	in80: 0,
	in95: 0,
	msis80: 0,
	msis95: 0,
	nMsis: 0,
	mase: 0,
	nMase: 0,
	ae: 0,
	aa: 0,
});
function add(
	t: Acc,
	r: AutoForecastResult,
	s: { train: Float64Array; test: Float64Array },
	lag: number,
): void {
	const h = s.test.length;
	const [i80, i95] = r.intervals;
	t.n++;
	t.pts += h;
	t.in80 += coverage(s.test, i80.lower, i80.upper) * h;
	t.in95 += coverage(s.test, i95.lower, i95.upper) * h;
	const a = msis(s.test, i80.lower, i80.upper, s.train, 0.2, lag);
	const b = msis(s.test, i95.lower, i95.upper, s.train, 0.05, lag);
	if (Number.isFinite(a) && Number.isFinite(b)) {
		t.msis80 += a;
		t.msis95 += b;
		t.nMsis++;
	}
	const m = mase(s.test, r.point, s.train, lag);
	if (Number.isFinite(m)) {
		t.mase += m;
		t.nMase++;
	}
	for (let j = 0; j < h; j++) {
		t.ae += Math.abs(s.test[j] - r.point[j]);
		t.aa += Math.abs(s.test[j]);
	}
}
/** Mean MASE / pooled WAPE of the points. */
const pointsOf = (x: Acc): string =>
	x.n ? `${(x.mase / x.nMase).toFixed(4)} / ${(x.ae / x.aa).toFixed(4)}` : '—';
function f(x: Acc): string {
	return x.pts
		? `${((100 * x.in80) / x.pts).toFixed(1)} / ${((100 * x.in95) / x.pts).toFixed(1)} % · ${(x.msis80 / x.nMsis).toFixed(3)} / ${(x.msis95 / x.nMsis).toFixed(3)}`
		: '—';
}
function same(a: AutoForecastResult, b: AutoForecastResult): { points: number; ranges: number } {
	let points = 0;
	let ranges = 0;
	for (let j = 0; j < a.point.length; j++) if (!Object.is(a.point[j], b.point[j])) points++;
	a.intervals.forEach((iv, i) => {
		for (let j = 0; j < iv.lower.length; j++)
			if (
				!Object.is(iv.lower[j], b.intervals[i].lower[j]) ||
				!Object.is(iv.upper[j], b.intervals[i].upper[j])
			)
				ranges++;
	});
	return { points, ranges };
}

const rows: string[] = [];
const changedIds: string[] = [];
const changed = { main: acc(), cand: acc() };
let pointDiffs = 0;
let unchangedRangeDiffs = 0;
let checked = 0;
for (const spec of sets.split(',')) {
	const [key, every] = spec.split(':');
	const [full] = loadDatasets([key], undefined, back, Number(every ?? 1));
	const months = key === 'aus' ? ausMonths() : null;
	const main = acc();
	const cand = acc();
	const setChanged = { main: acc(), cand: acc() };
	let calibrated = 0;
	let gate = '';
	for (const n of CUTS) {
		const ds = n ? { ...full, series: full.series.flatMap((s) => cut(s, n, months)) } : full;
		const curves = benchCurves(ds.series, ds.h, { key });
		// --pooled: the batch's pooled candidate (as quick-accuracy.ts --pooled and the app)
		const registry = new CandidateRegistry();
		registerBuiltins(registry);
		const drop = withPooled
			? registry.register(
					new PooledModel(
						ds.series.map((s) => ({ id: s.id, y: s.train, ...(s.ds ? { ds: s.ds } : {}) })),
					).candidate(true),
				)
			: null;
		const optionsOf = (i: number) => {
			const o = benchOptions(ds, i, curves);
			// run.ts gives Australian retail no dates, hence no borrowed season: the cut's months (for the
			// shrink targets) must not add one
			if (key === 'aus') delete o.seasonalPrior;
			return o;
		};
		const shipped = (i: number) =>
			forecastAuto(
				ds.series[i].train,
				{ ...optionsOf(i), fallRange: candidate },
				withPooled ? { registry } : {},
			);
		const bs = ds.series.map((_, i) => shipped(i));
		if (drop) {
			const g = pooledGate(bs);
			gate = ` · pooled gate ${g.ratio.toFixed(3)} ${g.pass ? `passes (${bs.filter((r) => usesPooled(r.model)).length} use it)` : 'fails'}`;
			if (!g.pass) {
				drop();
				bs.forEach((r, i) => {
					if (usesPooled(r.model)) bs[i] = shipped(i);
				});
			}
		}
		for (const [i, s] of ds.series.entries()) {
			const o = optionsOf(i);
			const b = bs[i];
			if (!b.notes.some((x) => x.code === 'engine_note_few_errors')) calibrated++;
			const isChanged = b.notes.some((x) => x.code === NOTE);
			let a = b;
			if (isChanged || i % 10 === 0) {
				a = forecastAuto(s.train, { ...o, fallRange: false }, withPooled ? { registry } : {});
				const d = same(a, b);
				pointDiffs += d.points;
				if (!isChanged) {
					checked++;
					unchangedRangeDiffs += d.ranges;
				}
			}
			add(main, a, s, ds.scaleM);
			add(cand, b, s, ds.scaleM);
			if (isChanged) {
				changedIds.push(`${key}:${s.id}${n ? `@${n}` : ''}`);
				add(setChanged.main, a, s, ds.scaleM);
				add(setChanged.cand, b, s, ds.scaleM);
				add(changed.main, a, s, ds.scaleM);
				add(changed.cand, b, s, ds.scaleM);
			}
		}
	}
	const name = `${key}${every && every !== '1' ? ` every ${every}` : ''}`;
	rows.push(
		`| ${name} | ${main.n} | ${calibrated} | ${setChanged.main.n} | ${f(main)} | ${f(cand)} | ${f(setChanged.main)} | ${f(setChanged.cand)} | ${pointsOf(cand)}${gate} |`,
	);
	console.error(`${key}: done (${main.n} series, ${setChanged.main.n} changed)`);
}
console.log(
	`${back ? `V${back} (--back ${back})` : freshLast ? 'fresh samples, last horizon (--fresh-last)' : 'HELD-OUT horizon (--held-out: reporting only)'}${withPooled ? ', engine + gated pooled model' : ', engine alone'}, candidate ${candidate}${CUTS[0] ? `, cuts ${CUTS.join('/')}` : ''}; cov80 / cov95 · mean MSIS80 / MSIS95\n\n| data set | ${CUTS[0] ? 'cuts' : 'series'} | calibrated | changed | main | candidate | changed, main | changed, candidate | points MASE / WAPE (candidate) |\n|---|---:|---:|---:|---|---|---|---|---|\n${rows.join('\n')}\n| changed, all sets | ${changed.main.n} | | ${changed.main.n} | | | ${f(changed.main)} | ${f(changed.cand)} | |\n\npoint values that differ: ${pointDiffs}; series without the note run both ways: ${checked}, interval values that differ there: ${unchangedRangeDiffs}\nchanged: ${changedIds.join(', ') || 'none'}`,
);

/** The series with its training part cut to its last n points (none if it is not longer than n). */
function cut(s: Series, n: number, months: Map<string, Float64Array> | null): Series[] {
	const a = s.train.length - n;
	if (a <= 0) return [];
	// Australian retail's months come from the file by position (engine-options.ts seriesDates)
	const ds = s.ds ?? months?.get(s.id)?.subarray(0, s.train.length);
	return [
		{
			id: s.id,
			train: s.train.slice(a),
			test: s.test,
			...(ds ? { ds: ds.slice(a) } : {}),
			...(s.xreg
				? { xreg: { names: s.xreg.names, values: s.xreg.values.map((v) => v.slice(a)) } }
				: {}),
		},
	];
}
