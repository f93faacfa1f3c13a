// Selection study (issue #11 accuracy): runs the engine once per series with EngineRunOptions.trace
// (every candidate's backtest forecasts and every single model's final forecast) on a VALIDATION
// horizon, saves them, and scores selection rules on them offline, next to naive and R's cached
// forecasts (tests/bench/r-cache.ts) on the same windows. Never run it on the held-out horizon
// (--back 0); quick-accuracy.ts measures that once.
//   npx tsx tests/bench/selection.ts --run --back 1 --datasets retail:1,stockx:1
//   npx tsx tests/bench/selection.ts --back 1,2 --datasets retail:1,stockx:1
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forecastAuto, strongSeason, type EngineTrace } from '../../src/core/engine';
import { registerBuiltins, ETS_SCREEN } from '../../src/core/forecast/builtins';
import { CandidateRegistry } from '../../src/core/forecast/registry';
import { AutoETS } from '../../src/core/models/ets';
import { Theta } from '../../src/core/models/theta';
import { BaggedETS } from './models/bagged-ets';
import { OptimisedTheta } from './models/otm';
import type { FitOptions, PredictOptions } from '../../src/core/types';
import { mase, owa, smape } from '../../src/core/metrics';
import { decompositionStrength, stl } from '../../src/core/series/stl';
import { Naive, Naive2 } from '../../src/core/models/naive';
import { benchCurves, benchOptions } from './engine-options';
import { loadDatasets } from './run';
import { PooledModel } from '../../src/core/forecast/pooled';
import type { Forecast } from '../../src/core/types';
import { combineF, meanOf, rForecasts, type Rec } from './selection-traces';

const args = process.argv.slice(2);
let backs = [1];
let sets = 'retail:1,stockx:1,walmart:1';
let doRun = false;
let tag = '';
let noXreg = false;
// --extra: variants joining the candidates in the traced run (scored offline, never by the engine's rule)
const reg = new CandidateRegistry();
registerBuiltins(reg);
reg.register({
	name: 'etsu',
	family: 'exponential-smoothing',
	minLength: 4,
	auto: true,
	// automatic ETS with undamped trends allowed whatever the season (the pre-v2.1 rule)
	forecaster: (o) => {
		const inner = new AutoETS(o.screen ? { screen: ETS_SCREEN } : {});
		return { name: 'etsu', fit: (y, f) => inner.fit(y, f) };
	},
	fit(y, ctx) {
		const f = new AutoETS().fit(y, { season: ctx.season });
		return { predict: (h, levels) => f.predict(h, { levels }) };
	},
});
// --tag bets: bagged ETS (tests/bench/models/bagged-ets.ts) joins the candidates of seasonal monthly series
const breg = new CandidateRegistry();
registerBuiltins(breg);
breg.register({
	name: 'bets',
	family: 'exponential-smoothing',
	minLength: 8,
	auto: true,
	forecaster: () => new BaggedETS(),
	fit(y, ctx) {
		const f = new BaggedETS().fit(y, { season: ctx.season });
		return { predict: (h, levels) => f.predict(h, { levels }) };
	},
});
breg.register({
	name: 'otm',
	family: 'theta',
	minLength: 8,
	auto: true,
	forecaster: () => new OptimisedTheta(),
	fit(y, ctx) {
		const f = new OptimisedTheta().fit(y, { season: ctx.season });
		return { predict: (h, levels) => f.predict(h, { levels }) };
	},
});
// --tag shrink: a seasonal model whose indices are the product's own shrunk towards the shop total's
// (empirical Bayes, James–Stein weights by each index's own estimation noise), scored offline only
let cur: { train: Float64Array; group: Float64Array | null } | null = null;
/** Log seasonal indices by position (t mod m) from ratio-to-centred-moving-average, with their noise. */
function logIndices(
	y: ArrayLike<number>,
	m: number,
	off: number,
): { mu: number[]; v: number[] } | null {
	const n = y.length;
	const half = Math.floor(m / 2);
	const mean = Array.from(y).reduce((a, b) => a + b, 0) / n;
	const c = 0.05 * mean;
	if (!(mean > 0)) return null;
	const by: number[][] = Array.from({ length: m }, () => []);
	// the level of each period: the mean over the year around it (one-sided near the ends, so two
	// years give every position two values and a noise estimate)
	for (let t = 0; t < n; t++) {
		const a = Math.max(0, Math.min(t - half, n - m));
		const b = Math.min(n, a + m);
		let sm = 0;
		for (let k = a; k < b; k++) sm += y[k];
		by[(off + t) % m].push(Math.log((y[t] + c) / (sm / (b - a) + c)));
	}
	if (by.some((b) => b.length === 0)) return null;
	const mu = by.map((b) => b.reduce((a, x) => a + x, 0) / b.length);
	// noise: the within-position variance pooled over positions with ≥ 2 values, ÷ count
	let ss = 0;
	let df = 0;
	by.forEach((b, k) => {
		for (const x of b) ss += (x - mu[k]) ** 2;
		df += b.length - 1;
	});
	if (df < 1) return null;
	const s2 = ss / df;
	return { mu, v: by.map((b) => s2 / b.length) };
}
function shrunkCandidate(base: 'theta' | 'ets') {
	const name = `${base}_shrunk`;
	const inner = () => (base === 'theta' ? new Theta() : new AutoETS());
	return {
		name,
		family: 'exponential-smoothing' as const,
		minLength: 8,
		auto: true,
		forecaster: () => ({
			name,
			fit(y: Float64Array, f: FitOptions = {}) {
				const m = f.season ?? 1;
				const c = cur;
				if (!c?.group || m <= 1 || y.length < 1.5 * m) throw new Error('no shrunk season');
				// where this window starts in the product's training part (a launch trims the start)
				let o = 0;
				while (o < c.train.length && c.train[o] !== y[0]) o++;
				const e = o + y.length;
				if (e > c.train.length) throw new Error('window not found');
				const own = logIndices(y, m, o);
				const grp = logIndices(c.group.subarray(0, e), m, 0);
				if (!own || !grp) throw new Error('no shrunk season');
				const d = own.mu.map((x, k) => x - grp.mu[k]);
				const tau2 = Math.max(
					0,
					d.reduce((a, x) => a + x * x, 0) / m - own.v.reduce((a, x) => a + x, 0) / m,
				);
				const ls = d.map((x, k) => grp.mu[k] + (tau2 / (tau2 + own.v[k])) * x);
				const lm = ls.reduce((a, x) => a + x, 0) / m;
				const idx = ls.map((x) => Math.exp(x - lm));
				const fit = inner().fit(
					y.map((v, t) => v / idx[(o + t) % m]),
					{ season: 1 },
				);
				return {
					name,
					predict(h: number, p: PredictOptions = {}): Forecast {
						const fc = fit.predict(h, p);
						const sc = (a: Float64Array) => a.map((v, j) => v * idx[(e + j) % m]);
						return {
							point: sc(fc.point),
							intervals: fc.intervals.map((iv) => ({
								level: iv.level,
								lower: sc(iv.lower),
								upper: sc(iv.upper),
							})),
						};
					},
				};
			},
		}),
		fit() {
			throw new Error('bench only');
		},
	};
}
const sreg = new CandidateRegistry();
registerBuiltins(sreg);
sreg.register(shrunkCandidate('theta') as never);
sreg.register(shrunkCandidate('ets') as never);
for (let i = 0; i < args.length; i++) {
	if (args[i] === '--back') backs = args[++i].split(',').map(Number);
	else if (args[i] === '--datasets') sets = args[++i];
	else if (args[i] === '--run') doRun = true;
	else if (args[i] === '--tag') tag = args[++i];
	else if (args[i] === '--no-xreg') noXreg = true;
	else throw new Error(`unknown flag ${args[i]}`);
}
if (backs.includes(0)) throw new Error('selection.ts is for validation horizons only (--back ≥ 1)');
const DIR = join(tmpdir(), 'trendcast-sel');
mkdirSync(DIR, { recursive: true });

const arr = (a: ArrayLike<number>): number[] => Array.from(a);

type Policy = (r: Rec) => number[] | null;
const strengths = new WeakMap<Rec, number>();
/** STL seasonal strength of a series' (capped) training part, as the engine's strongSeason (0 without two seasons). */
function strengthOf(r: Rec): number {
	let s = strengths.get(r);
	if (s === undefined) {
		const y = Float64Array.from(r.train.slice(-520));
		s =
			season > 1 && y.length > 2 * season
				? decompositionStrength(stl(y, season, { sWindow: 'periodic' })).seasonal
				: 0;
		strengths.set(r, s);
	}
	return s;
}
/** The season of the data set being evaluated (evaluate() sets it). */
let season = 1;

/** The fixed comb of whichever of ets/arima/theta have finals. */
function comb(r: Rec, names = ['ets', 'arima', 'theta'], kind = 'weighted'): number[] | null {
	const parts = names.map((x) => r.finals[x]).filter((p) => !!p);
	if (parts.length < 2) return null;
	if (kind === 'median' && parts.length < 3) kind = 'weighted';
	return combineF(
		kind,
		parts,
		parts.map(() => 1 / parts.length),
	);
}

interface SimC {
	name: string;
	kind: 'single' | 'weighted' | 'median';
	f: number[][];
	fin: number[];
	om: number[];
	mase: number;
}
interface SimOpts {
	/** Use the candidate `to` under the name `from` (e.g. ets → etsu). */
	swap?: Record<string, string>;
	pref?: number;
	/** The fixed comb is the default unless a candidate's MASE < comb × gain at ≥ share of origins. */
	combDefault?: { gain: number; share: number };
	combKind?: 'weighted' | 'median';
	combNames?: string[];
	noTopCombos?: boolean;
	/** combDefault only where the backtest evidence is weak: ≤ this many origins on a series with two seasons. */
	weakOrigins?: number;
	/** Leave out candidates whose name contains one of these (e.g. '~season'). */
	drop?: string[];
	/** …only on series at least this long. */
	dropFrom?: number;
	/** …on any series, not only those with two seasons. */
	weakAnyLength?: boolean;
	/** Naive/drift stay out of combinations from this STL seasonal strength (the engine's 0.6). */
	strength?: number;
	/** …also for seasons above 24 (weekly data), which the engine leaves alone. */
	weekly?: boolean;
	/** Extra candidates of the traced run taken as ordinary candidates (e.g. 'pooled'). */
	use?: string[];
}
/** The engine's selection rebuilt from the singles' per-origin and final forecasts. */
function simulate(r: Rec, o: SimOpts = {}): number[] | null {
	const swap = o.swap ?? {};
	const extras = new Set(
		['etsu', 'pooled', 'theta_shrunk', 'ets_shrunk'].filter((x) => !o.use?.includes(x)),
	);
	const singles: SimC[] = [];
	const mk = (name: string, kind: SimC['kind'], f: number[][], fin: number[]): SimC => {
		const om = f.map((x, k) => {
			const a = r.actuals[k];
			let ae = 0;
			for (let j = 0; j < a.length; j++) ae += Math.abs(a[j] - x[j]);
			return r.scales[k] > 0 ? ae / a.length / r.scales[k] : NaN;
		});
		return { name, kind, f, fin, om, mase: meanOf(om) };
	};
	for (const c of r.cands) {
		if (
			c.kind !== 'single' ||
			(o.drop?.some((x) => c.name.includes(x)) && r.train.length >= (o.dropFrom ?? 0))
		)
			continue;
		let name = c.name;
		if (Object.values(swap).includes(name))
			name = Object.keys(swap).find((k) => swap[k] === c.name)!;
		else if (swap[name] || extras.has(name)) continue;
		const fin = r.finals[c.name];
		if (!fin || c.f.some((x) => !x)) continue;
		const s = mk(name, 'single', c.f as number[][], fin);
		if (Number.isFinite(s.mase)) singles.push(s);
	}
	if (!singles.length) return null;
	const ranked = [...singles].sort((a, b) => a.mase - b.mase);
	const all: SimC[] = [...ranked];
	const mix = (parts: SimC[], w: number[], kind: 'weighted' | 'median', name: string): SimC =>
		mk(
			name,
			kind,
			parts[0].f.map((_, k) =>
				combineF(
					kind,
					parts.map((p) => p.f[k]),
					w,
				),
			),
			combineF(
				kind,
				parts.map((p) => p.fin),
				w,
			),
		);
	const cn = o.combNames ?? ['ets', 'arima', 'theta'];
	const parts = cn.map((x) => ranked.find((c) => c.name === x)).filter((c): c is SimC => !!c);
	let comb: SimC | null = null;
	if (parts.length >= 2) {
		const kind = o.combKind === 'median' && parts.length >= 3 ? 'median' : 'weighted';
		comb = mix(
			parts,
			parts.map(() => 1 / parts.length),
			kind,
			'comb',
		);
		comb.kind = 'weighted';
		all.push(comb);
	}
	const seasonal =
		o.strength === undefined
			? r.seasonal
			: (season <= 24 || o.weekly === true) && strengthOf(r) >= o.strength;
	const pool = ranked.filter(
		(c) => c.name !== 'regression' && !(seasonal && (c.name === 'naive' || c.name === 'drift')),
	);
	const top = pool.slice(0, 3);
	if (top.length >= 2 && !o.noTopCombos) {
		const inv = top.map((c) => 1 / Math.max(c.mase, 1e-6));
		const tot = inv.reduce((a, b) => a + b, 0);
		all.push(
			mix(
				top,
				inv.map((x) => x / tot),
				'weighted',
				'combo',
			),
		);
		if (top.length >= 3)
			all.push(
				mix(
					top,
					top.map(() => 1 / 3),
					'median',
					'median',
				),
			);
	}
	all.sort((a, b) => a.mase - b.mase);
	const weak =
		o.weakOrigins === undefined ||
		(r.actuals.length <= o.weakOrigins &&
			(o.weakAnyLength || (season > 1 && r.train.length >= 2 * season)));
	if (o.combDefault && comb && weak) {
		const best = all[0];
		if (best === comb) return comb.fin;
		const wins = best.om.filter((x, k) => x < comb!.om[k]).length / best.om.length;
		return best.mase < comb.mase * o.combDefault.gain && wins >= o.combDefault.share
			? best.fin
			: comb.fin;
	}
	let best = all[0];
	if (best.kind === 'single') {
		const c = all.find((x) => x.kind === 'weighted');
		if (c && c.mase <= best.mase * (o.pref ?? 1.3)) best = c;
	}
	return best.fin;
}

function evaluate(
	key: string,
	back: number,
	e: number,
	d: { h: number; m: number; scaleM: number; recs: Rec[] },
): void {
	const { h, recs } = d;
	season = d.m;
	const R = rForecasts(key, back, e, h);
	const policies: [string, Policy][] = [
		['engine', (r) => r.point],
		['sim', (r) => simulate(r)],
		['sim pref1.6', (r) => simulate(r, { pref: 1.6 })],
		['sim combmedian', (r) => simulate(r, { combKind: 'median' })],
		['sim combdef .9/.5', (r) => simulate(r, { combDefault: { gain: 0.9, share: 0.5 } })],
		['sim combdef .8/0', (r) => simulate(r, { combDefault: { gain: 0.8, share: 0 } })],
		['sim combdef .8/1', (r) => simulate(r, { combDefault: { gain: 0.8, share: 1 } })],
		['sim combdef .7/0', (r) => simulate(r, { combDefault: { gain: 0.7, share: 0 } })],
		['sim combdef .9/1', (r) => simulate(r, { combDefault: { gain: 0.9, share: 1 } })],
		[
			'sim combdef .7/0 weak2',
			(r) => simulate(r, { combDefault: { gain: 0.7, share: 0 }, weakOrigins: 2 }),
		],
		[
			'sim combdef .8/0 weak2',
			(r) => simulate(r, { combDefault: { gain: 0.8, share: 0 }, weakOrigins: 2 }),
		],
		[
			'sim combdef .9/0 weak2',
			(r) => simulate(r, { combDefault: { gain: 0.9, share: 0 }, weakOrigins: 2 }),
		],
		...([0.7, 0.8, 0.9] as const).map((g): [string, Policy] => [
			`sim combdef .${g * 10}/0 weak1any`,
			(r) =>
				simulate(r, {
					combDefault: { gain: g, share: 0 },
					weakOrigins: 1,
					weakAnyLength: true,
				}),
		]),
		['sim no ~season', (r) => simulate(r, { drop: ['~season'] })],
		[
			'sim no ~season n≥m+h',
			(r) => simulate(r, { drop: ['~season'], dropFrom: season + r.test.length }),
		],
		['sim strength .3 weekly', (r) => simulate(r, { strength: 0.3, weekly: true })],
		['sim strength .6 weekly', (r) => simulate(r, { strength: 0.6, weekly: true })],
		['sim strength .5', (r) => simulate(r, { strength: 0.5 })],
		['sim strength .4', (r) => simulate(r, { strength: 0.4 })],
		['sim strength .3', (r) => simulate(r, { strength: 0.3 })],
		['sim strength .2', (r) => simulate(r, { strength: 0.2 })],
		['sim strength 0', (r) => simulate(r, { strength: 0 })],
		...(recs.some((r) => r.finals.pooled)
			? (() => {
					const g = pooledGate(recs);
					const step = recs.length / Math.min(recs.length, 40);
					const gs = pooledGate(
						Array.from({ length: Math.min(recs.length, 40) }, (_, i) => recs[Math.floor(i * step)]),
					);
					process.stderr.write(
						`${key} b${back}: pooled gate ratio ${g.ratio.toFixed(3)} (${g.n} series), on 40 evenly spaced ${gs.ratio.toFixed(3)} (${gs.n})\n`,
					);
					return [
						['pooled alone', (r: Rec) => r.finals.pooled ?? null],
						['sim +pooled', (r: Rec) => simulate(r, { use: ['pooled'] })],
						[
							'sim +pooled gate.9',
							(r: Rec) => simulate(r, g.ratio <= 0.9 ? { use: ['pooled'] } : {}),
						],
						['engine gate.9', (r: Rec) => (g.ratio <= 0.9 ? r.point : simulate(r))],
					] as [string, Policy][];
				})()
			: []),
		...(recs.some((r) => r.finals.theta_shrunk || r.finals.ets_shrunk)
			? ([
					['theta_shrunk', (r: Rec) => r.finals.theta_shrunk ?? null],
					['ets_shrunk', (r: Rec) => r.finals.ets_shrunk ?? null],
					['sim +shrunk', (r: Rec) => simulate(r, { use: ['theta_shrunk', 'ets_shrunk'] })],
					['sim +theta_shrunk', (r: Rec) => simulate(r, { use: ['theta_shrunk'] })],
				] as [string, Policy][])
			: []),
		['comb e/a/t', (r) => comb(r)],
		['median e/a/t', (r) => comb(r, undefined, 'median')],
		['ets', (r) => r.finals.ets ?? null],
		['arima', (r) => r.finals.arima ?? null],
		['theta', (r) => r.finals.theta ?? null],
		...(recs.some((r) => r.finals.etsu)
			? ([
					['etsu', (r: Rec) => r.finals.etsu ?? null],
					['sim etsu', (r: Rec) => simulate(r, { swap: { ets: 'etsu' } })],
					['sim etsu pref1.6', (r: Rec) => simulate(r, { swap: { ets: 'etsu' }, pref: 1.6 })],
					[
						'sim etsu combdef .8/0',
						(r: Rec) =>
							simulate(r, { swap: { ets: 'etsu' }, combDefault: { gain: 0.8, share: 0 } }),
					],
					[
						'sim etsu combdef .9/1',
						(r: Rec) =>
							simulate(r, { swap: { ets: 'etsu' }, combDefault: { gain: 0.9, share: 1 } }),
					],
				] as [string, Policy][])
			: []),
	];
	for (const [model, m] of R) policies.push([`R ${model}`, (r) => m.get(r.id) ?? null]);
	if (R.size >= 2)
		policies.push([
			'R comb',
			(r) => {
				const ps = [...R.values()].map((m) => m.get(r.id)).filter((p): p is number[] => !!p);
				return ps.length
					? combineF(
							'weighted',
							ps,
							ps.map(() => 1 / ps.length),
						)
					: null;
			},
		]);
	const naive = recs.map((r) => arr(new Naive().fit(Float64Array.from(r.train)).predict(h).point));
	const n2 = recs.map((r) =>
		arr(new Naive2().fit(Float64Array.from(r.train), { season: d.scaleM }).predict(h).point),
	);
	const score = (fs: (number[] | null)[]) => {
		const ms: number[] = [];
		const sm: number[] = [];
		let ae = 0,
			aa = 0,
			sf = 0,
			sa = 0;
		recs.forEach((r, i) => {
			const f = fs[i] ?? recs[i].point; // missing → the engine's
			ms.push(mase(r.test, f, r.train, d.scaleM));
			sm.push(smape(r.test, f));
			for (let j = 0; j < h; j++) {
				ae += Math.abs(r.test[j] - f[j]);
				aa += Math.abs(r.test[j]);
				sf += f[j];
				sa += r.test[j];
			}
		});
		return { ms, mase: avg(ms), smape: avg(sm), wape: ae / aa, bias: sf / sa - 1 };
	};
	const nv = score(naive);
	const n2s = score(n2);
	const rows: string[] = [];
	const results = policies.map(([name, p]) => ({ name, s: score(recs.map((r) => p(r))) }));
	const bestR = results
		.filter((x) => x.name.startsWith('R ') && x.name !== 'R comb')
		.sort((a, b) => a.s.mase - b.s.mase)[0];
	for (const { name, s } of [{ name: 'naive', s: nv }, ...results])
		rows.push(
			`${name.padEnd(22)} MASE ${s.mase.toFixed(4)} rel ${geo(s.ms, nv.ms).toFixed(4)} WAPE ${s.wape.toFixed(4)} bias ${(s.bias * 100).toFixed(1)}% OWA ${owa(s.smape, s.mase, n2s.smape, n2s.mase).toFixed(4)}${bestR ? ` ÷bestR ${(s.mase / bestR.s.mase).toFixed(3)}` : ''}`,
		);
	const chosen = new Map<string, number>();
	for (const r of recs) {
		const c = r.chosen.replace(/\(.*\)/, '');
		chosen.set(c, (chosen.get(c) ?? 0) + 1);
	}
	console.log(
		`## ${key} every ${e} back ${back} (${recs.length} series; best R ${bestR?.name ?? '—'}) [${[...chosen].map(([a, b]) => `${a} ${b}`).join(', ')}]\n${rows.join('\n')}\n`,
	);
}
/** Batch gate: pooled backtest MASE summed over series ÷ the median single model's (as deepGate). */
function pooledGate(recs: Rec[]): { ratio: number; n: number } {
	let p = 0;
	let st = 0;
	let n = 0;
	for (const r of recs) {
		const om = (f: (number[] | null)[]): number =>
			meanOf(
				f.map((x, k) => {
					if (!x) return NaN;
					const a = r.actuals[k];
					let ae = 0;
					for (let j = 0; j < a.length; j++) ae += Math.abs(a[j] - x[j]);
					return r.scales[k] > 0 ? ae / a.length / r.scales[k] : NaN;
				}),
			);
		const singles = r.cands.filter((c) => c.kind === 'single');
		const pc = singles.find((c) => c.name === 'pooled');
		const others = singles
			.filter((c) => c.name !== 'pooled' && c.name !== 'etsu')
			.map((c) => om(c.f))
			.filter(Number.isFinite)
			.sort((a, b) => a - b);
		const pm = pc ? om(pc.f) : NaN;
		if (!Number.isFinite(pm) || !others.length) continue;
		p += pm;
		st += others[others.length >> 1];
		n++;
	}
	return { ratio: n && st > 0 ? p / st : NaN, n };
}
function geo(a: number[], b: number[]): number {
	let s = 0;
	let c = 0;
	a.forEach((x, i) => {
		if (x > 0 && b[i] > 0 && Number.isFinite(x) && Number.isFinite(b[i])) {
			s += Math.log(x / b[i]);
			c++;
		}
	});
	return Math.exp(s / c);
}
function avg(a: number[]): number {
	const f = a.filter(Number.isFinite);
	return f.reduce((x, y) => x + y, 0) / f.length;
}

function main(): void {
	for (const back of backs)
		for (const spec of sets.split(',')) {
			const [key, every] = spec.split(':');
			const e = Number(every ?? 1);
			const file = join(DIR, `${key}-b${back}-e${e}${tag}.json`);
			if (doRun) {
				const [ds] = loadDatasets([key], undefined, back, e);
				const recs: Rec[] = [];
				const t0 = performance.now();
				const pooled = tag.includes('pooled')
					? new PooledModel(
							ds.series.map((s) => ({ id: s.id, y: s.train, ...(s.ds ? { ds: s.ds } : {}) })),
						)
					: null;
				const preg = new CandidateRegistry();
				registerBuiltins(preg);
				// --tag pooledT: chosen like a built-in (the v2.3 rule after the batch gate)
				if (pooled) preg.register(pooled.candidate(tag.includes('pooledT')));
				// the shop total on the shared dates (only where every series has the same dates)
				const same =
					ds.series.every((s) => s.ds && s.ds.length === ds.series[0].ds!.length) &&
					ds.series.every(
						(s) => s.ds![s.ds!.length - 1] === ds.series[0].ds![ds.series[0].ds!.length - 1],
					);
				const group = same
					? Float64Array.from(ds.series[0].train, (_, t) =>
							ds.series.reduce((a, s) => a + (Number.isFinite(s.train[t]) ? s.train[t] : 0), 0),
						)
					: null;
				// the engine as shipped: the batch's launch and spike curves too (engine-options.ts)
				const curves = benchCurves(ds.series, ds.h, { key });
				for (const [i, s] of ds.series.entries()) {
					cur = { train: s.train, group };
					let tr: EngineTrace | null = null;
					forecastAuto(s.train, benchOptions(ds, i, curves, noXreg), {
						trace: (t) => (tr = t),
						...(tag.includes('etsu')
							? { registry: reg }
							: tag.includes('bets')
								? { registry: breg }
								: tag.includes('shrink')
									? { registry: sreg }
									: pooled
										? { registry: preg }
										: {}),
					});
					const t = tr as EngineTrace | null;
					if (!t) throw new Error('no trace');
					recs.push({
						id: s.id,
						train: arr(s.train),
						test: arr(s.test),
						m: ds.scaleM,
						seasonal: strongSeason(s.train.subarray(Math.max(0, s.train.length - 520)), ds.m),
						chosen: t.chosen,
						point: arr(t.point),
						actuals: t.actuals.map(arr),
						scales: t.scales,
						cands: t.candidates.map((c) => ({
							name: c.name,
							kind: c.kind,
							members: c.members,
							weights: c.weights,
							f: c.forecasts.map((x) => (x ? arr(x) : null)),
						})),
						finals: Object.fromEntries(Object.entries(t.finals).map(([k, v]) => [k, arr(v)])),
					});
					if (pooled)
						try {
							const f = pooled
								.fit(s.train, {
									season: ds.m,
									horizon: ds.h,
									levels: [],
									end: s.train.length,
									final: true,
									seriesId: s.id,
								})
								.predict(ds.h, []);
							recs[recs.length - 1].finals.pooled = arr((f as Forecast).point);
						} catch {
							// too few products or rows: no pooled final
						}
				}
				writeFileSync(file, JSON.stringify({ h: ds.h, m: ds.m, scaleM: ds.scaleM, recs }));
				process.stderr.write(
					`${key} b${back}: ${recs.length} series in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`,
				);
				continue;
			}
			if (!existsSync(file)) {
				process.stderr.write(`no dump ${file}\n`);
				continue;
			}
			evaluate(key, back, e, JSON.parse(readFileSync(file, 'utf8')));
		}
}
main();
