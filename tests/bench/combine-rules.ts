// Combination / selection rules for regular series (issue #11, helper "accuracy4"), scored offline on
// the VALIDATION traces of tests/bench/selection.ts (`--run --back 1|2|3 --tag T`): every candidate's
// backtest forecasts per origin and every single model's final forecast, so a rule is a function of
// those and costs no refit. Never on the held-out horizon (back 0).
//   npx tsx tests/bench/combine-rules.ts --back 1,2,3 --datasets m4:5,aus:5,walmart:1 --tag a4
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mase, owa, smape } from '../../src/core/metrics';
import { Naive2 } from '../../src/core/models/naive';
import { combineF, meanOf, rForecasts, type Rec } from './selection-traces';

const args = process.argv.slice(2);
let backs = [1, 2];
let sets = 'm4:5,aus:5,walmart:1';
let tag = 'a4';
let only = '';
let detail = '';
for (let i = 0; i < args.length; i++) {
	if (args[i] === '--back') backs = args[++i].split(',').map(Number);
	else if (args[i] === '--datasets') sets = args[++i];
	else if (args[i] === '--tag') tag = args[++i];
	else if (args[i] === '--only') only = args[++i];
	// --detail POLICY: per series, the engine's choice vs POLICY's (where they differ)
	else if (args[i] === '--detail') detail = args[++i];
	else throw new Error(`unknown flag ${args[i]}`);
}

interface C {
	name: string;
	kind: 'single' | 'weighted' | 'median';
	f: number[][];
	fin: number[];
	/** scaled absolute errors per origin and step */
	e: number[][];
	om: number[];
	mase: number;
}
const EXTRAS = new Set(['etsu', 'pooled', 'theta_shrunk', 'ets_shrunk', 'bets', 'otm']);
const NOT_IN_COMBOS = new Set(['regression']);
const NON_SEASONAL = new Set(['naive', 'drift']);

interface Sim {
	r: Rec;
	singles: C[];
	ranked: C[];
	pool: C[];
	mk: (name: string, kind: C['kind'], f: number[][], fin: number[]) => C;
	mix: (parts: C[], w: number[], kind: 'weighted' | 'median', name: string) => C;
}
const sims = new WeakMap<Rec, Sim | null>();
function prep(r: Rec, use: string[] = []): Sim | null {
	const key = use.length ? null : sims.get(r);
	if (key !== undefined && key !== null) return key;
	const mk = (name: string, kind: C['kind'], f: number[][], fin: number[]): C => {
		const e = f.map((x, k) => {
			const a = r.actuals[k];
			return a.map((v, j) => (r.scales[k] > 0 ? Math.abs(v - x[j]) / r.scales[k] : NaN));
		});
		const om = e.map((x) => x.reduce((s, v) => s + v, 0) / x.length);
		return { name, kind, f, fin, e, om, mase: meanOf(om) };
	};
	const singles: C[] = [];
	for (const c of r.cands) {
		if (c.kind !== 'single' || (EXTRAS.has(c.name) && !use.includes(c.name))) continue;
		const fin = r.finals[c.name];
		if (!fin || c.f.some((x) => !x)) continue;
		const s = mk(c.name, 'single', c.f as number[][], fin);
		if (Number.isFinite(s.mase)) singles.push(s);
	}
	if (!singles.length) {
		if (!use.length) sims.set(r, null);
		return null;
	}
	const ranked = [...singles].sort((a, b) => a.mase - b.mase);
	const pool = ranked.filter(
		(c) => !NOT_IN_COMBOS.has(c.name) && !(r.seasonal && NON_SEASONAL.has(c.name)),
	);
	const mix = (parts: C[], w: number[], kind: 'weighted' | 'median', name: string): C =>
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
	const s = { r, singles, ranked, pool, mk, mix };
	if (!use.length) sims.set(r, s);
	return s;
}
const invW = (cs: C[], pow = 1, key = (c: C) => c.mase): number[] => {
	const inv = cs.map((c) => 1 / Math.max(key(c), 1e-6) ** pow);
	const t = inv.reduce((a, b) => a + b, 0);
	return inv.map((x) => x / t);
};

interface Opts {
	pref?: number;
	k?: number;
	pow?: number;
	/** origin weights, oldest first (normalised); the score of a candidate = weighted mean of its per-origin MASE */
	ow?: (n: number) => number[];
	/** choose per block of steps (number of blocks) */
	blocks?: number;
	/** median instead of mean over origins */
	medOrigins?: boolean;
	/** the fixed comb as the default unless the best beats it by gain at every origin */
	combDefault?: { gain: number; kind: 'weighted' | 'median'; minOrigins?: number };
	/** always the inverse-error combination of the top k (no selection) */
	always?: boolean;
	/** extra candidate names from the trace to use */
	use?: string[];
	/** candidates left out */
	drop?: string[];
	/** also the equal-weight mean of the top k as a combination candidate */
	eqTop?: boolean;
}
/** The engine's rule (with the options' changes) on one series. */
function rule(r: Rec, o: Opts = {}): number[] | null {
	const s0 = prep(r, o.use ?? []);
	if (!s0) return null;
	const { mk, mix } = s0;
	const nO = r.actuals.length;
	const ow = o.ow ? o.ow(nO) : null;
	const score = (c: C, steps?: [number, number]): number => {
		const per = c.e.map((x) => {
			const [a, b] = steps ?? [0, x.length];
			let s = 0;
			for (let j = a; j < b; j++) s += x[j];
			return s / (b - a);
		});
		if (o.medOrigins) {
			const v = [...per].sort((a, b) => a - b);
			const mid = v.length >> 1;
			return v.length % 2 ? v[mid] : 0.5 * (v[mid - 1] + v[mid]);
		}
		if (!ow) return meanOf(per);
		let t = 0;
		let w = 0;
		per.forEach((x, k) => {
			t += ow[k] * x;
			w += ow[k];
		});
		return t / w;
	};
	const build = (steps?: [number, number]): { chosen: C; all: C[] } => {
		const sc = (c: C) => score(c, steps);
		const ranked = s0.singles
			.filter((c) => !o.drop?.includes(c.name))
			.sort((a, b) => sc(a) - sc(b));
		const pool = ranked.filter(
			(c) => !NOT_IN_COMBOS.has(c.name) && !(r.seasonal && NON_SEASONAL.has(c.name)),
		);
		const all: C[] = [...ranked];
		const parts = ['ets', 'arima', 'theta']
			.map((x) => ranked.find((c) => c.name === x))
			.filter((c): c is C => !!c);
		let comb: C | null = null;
		if (parts.length >= 2) {
			const kind = o.combDefault?.kind === 'median' && parts.length >= 3 ? 'median' : 'weighted';
			comb = mix(
				parts,
				parts.map(() => 1 / parts.length),
				kind,
				'comb',
			);
			comb.kind = 'weighted';
			all.push(comb);
		}
		const k = o.k ?? 3;
		const top = pool.slice(0, k);
		if (top.length >= 2) {
			const combo = mix(top, invW(top, o.pow ?? 1, sc), 'weighted', `combo${k}`);
			if (o.always) return { chosen: combo, all };
			all.push(combo);
			if (top.length >= 3) {
				const t3 = pool.slice(0, 3);
				all.push(
					mix(
						t3,
						t3.map(() => 1 / 3),
						'median',
						'median',
					),
				);
			}
			if (o.eqTop) {
				const e = mix(
					top,
					top.map(() => 1 / top.length),
					'weighted',
					`mean${k}`,
				);
				all.push(e);
			}
		}
		all.sort((a, b) => sc(a) - sc(b));
		if (o.combDefault && comb && nO >= (o.combDefault.minOrigins ?? 0)) {
			const best = all[0];
			if (best === comb) return { chosen: comb, all };
			const c = comb;
			const wins = best.om.every((x, kk) => x < c.om[kk] * o.combDefault!.gain);
			return { chosen: wins ? best : comb, all };
		}
		let best = all[0];
		if (best.kind === 'single') {
			const c = all.find((x) => x.kind === 'weighted');
			if (c && sc(c) <= sc(best) * (o.pref ?? 1.3)) best = c;
		}
		return { chosen: best, all };
	};
	if (!o.blocks) return build().chosen.fin;
	const h = r.actuals[0].length;
	const out: number[] = [];
	for (let b = 0; b < o.blocks; b++) {
		const a = Math.floor((b * h) / o.blocks);
		const z = Math.floor(((b + 1) * h) / o.blocks);
		const c = build([a, z]).chosen;
		for (let j = a; j < z; j++) out.push(c.fin[j]);
	}
	void mk;
	return out;
}

type Policy = (r: Rec) => number[] | null;
const lin = (n: number) => Array.from({ length: n }, (_, k) => k + 1);
const geoW = (g: number) => (n: number) => Array.from({ length: n }, (_, k) => g ** (n - 1 - k));
const POLICIES: [string, Policy][] = [
	['engine', (r) => r.point],
	['sim', (r) => rule(r)],
	['pref1.0', (r) => rule(r, { pref: 1.0 })],
	['p1.6 pow2', (r) => rule(r, { pref: 1.6, pow: 2 })],
	['p1.6 k4', (r) => rule(r, { pref: 1.6, k: 4 })],
	['p1.6 k2', (r) => rule(r, { pref: 1.6, k: 2 })],
	['p1.6 eqTop', (r) => rule(r, { pref: 1.6, eqTop: true })],
	['p1.6 medOrig', (r) => rule(r, { pref: 1.6, medOrigins: true })],
	['p1.6 lin', (r) => rule(r, { pref: 1.6, ow: lin })],
	['+bets', (r) => rule(r, { use: ['bets'] })],
	['+bets p1.6', (r) => rule(r, { use: ['bets'], pref: 1.6 })],
	['bets for ets p1.6', (r) => rule(r, { use: ['bets'], drop: ['ets'], pref: 1.6 })],
	['only bets', (r) => r.finals.bets ?? null],
	['only otm', (r) => r.finals.otm ?? null],
	['+otm p1.6', (r) => rule(r, { use: ['otm'], pref: 1.6 })],
	['+otm+bets p1.6', (r) => rule(r, { use: ['otm', 'bets'], pref: 1.6 })],
	['otm for theta p1.6', (r) => rule(r, { use: ['otm'], drop: ['theta'], pref: 1.6 })],
	['pref1.4', (r) => rule(r, { pref: 1.4 })],
	['pref1.5', (r) => rule(r, { pref: 1.5 })],
	['pref1.6', (r) => rule(r, { pref: 1.6 })],
	['pref1.8', (r) => rule(r, { pref: 1.8 })],
	['pref2', (r) => rule(r, { pref: 2 })],
	['always top2', (r) => rule(r, { always: true, k: 2 })],
	['always top3', (r) => rule(r, { always: true, k: 3 })],
	['always top4', (r) => rule(r, { always: true, k: 4 })],
	['always top5', (r) => rule(r, { always: true, k: 5 })],
	['always top3 pow2', (r) => rule(r, { always: true, k: 3, pow: 2 })],
	['always top4 pow2', (r) => rule(r, { always: true, k: 4, pow: 2 })],
	['k4', (r) => rule(r, { k: 4 })],
	['k5', (r) => rule(r, { k: 5 })],
	['k2', (r) => rule(r, { k: 2 })],
	['pow2', (r) => rule(r, { pow: 2 })],
	['eqTop', (r) => rule(r, { eqTop: true })],
	['recent lin', (r) => rule(r, { ow: lin })],
	['recent geo.5', (r) => rule(r, { ow: geoW(0.5) })],
	['recent geo.7', (r) => rule(r, { ow: geoW(0.7) })],
	['med origins', (r) => rule(r, { medOrigins: true })],
	['blocks2', (r) => rule(r, { blocks: 2 })],
	['blocks3', (r) => rule(r, { blocks: 3 })],
	['combdef med .9', (r) => rule(r, { combDefault: { gain: 0.9, kind: 'median' } })],
	['combdef med .8', (r) => rule(r, { combDefault: { gain: 0.8, kind: 'median' } })],
	['combdef w .9', (r) => rule(r, { combDefault: { gain: 0.9, kind: 'weighted' } })],
	['combdef med 1 o3', (r) => rule(r, { combDefault: { gain: 1, kind: 'median', minOrigins: 3 } })],
	[
		'combdef med .9 o3',
		(r) => rule(r, { combDefault: { gain: 0.9, kind: 'median', minOrigins: 3 } }),
	],
	[
		'combdef w .9 o3',
		(r) => rule(r, { combDefault: { gain: 0.9, kind: 'weighted', minOrigins: 3 } }),
	],
	...['ets', 'arima', 'theta', 'snaive', 'naive', 'drift', 'ets~season'].map(
		(x): [string, Policy] => [`only ${x}`, (r) => r.finals[x] ?? null],
	),
	[
		'median e/a/t',
		(r) => {
			const p = ['ets', 'arima', 'theta'].map((x) => r.finals[x]).filter(Boolean);
			return p.length === 3 ? combineF('median', p, [1, 1, 1]) : null;
		},
	],
	[
		'comb e/a/t',
		(r) => {
			const p = ['ets', 'arima', 'theta'].map((x) => r.finals[x]).filter(Boolean);
			return p.length >= 2
				? combineF(
						'w',
						p,
						p.map(() => 1 / p.length),
					)
				: null;
		},
	],
];
export function addPolicy(name: string, p: Policy): void {
	POLICIES.push([name, p]);
}

function evaluate(
	key: string,
	back: number,
	e: number,
	d: { h: number; scaleM: number; recs: Rec[] },
) {
	const { h, recs } = d;
	const R = rForecasts(key, back, e, h);
	const pols = [...POLICIES].filter(
		([n]) => !only || n === 'engine' || only.split('|').some((x) => n.includes(x)),
	);
	for (const [model, m] of R) pols.push([`R ${model}`, (r) => m.get(r.id) ?? null]);
	const n2 = recs.map((r) =>
		Array.from(new Naive2().fit(Float64Array.from(r.train), { season: d.scaleM }).predict(h).point),
	);
	const sc = (fs: (number[] | null)[]) => {
		const ms: number[] = [];
		const sm: number[] = [];
		recs.forEach((r, i) => {
			const f = fs[i] ?? r.point;
			ms.push(mase(r.test, f, r.train, d.scaleM));
			sm.push(smape(r.test, f));
		});
		const avg = (a: number[]) => a.filter(Number.isFinite).reduce((x, y) => x + y, 0) / a.length;
		return { ms, mase: avg(ms), smape: avg(sm) };
	};
	const n2s = sc(n2);
	const res = pols.map(([name, p]) => ({ name, s: sc(recs.map((r) => p(r))) }));
	const eng = res[0].s;
	const bestR = res.filter((x) => x.name.startsWith('R ')).sort((a, b) => a.s.mase - b.s.mase)[0];
	console.log(
		`## ${key} e${e} back ${back} (${recs.length} series; best R ${bestR?.name} ${bestR?.s.mase.toFixed(4)})`,
	);
	for (const { name, s } of res) {
		const better = s.ms.filter((x, i) => x < eng.ms[i] - 1e-9).length;
		const worse = s.ms.filter((x, i) => x > eng.ms[i] + 1e-9).length;
		console.log(
			`${name.padEnd(20)} MASE ${s.mase.toFixed(4)} (${((s.mase / eng.mase - 1) * 100).toFixed(2).padStart(6)} %) OWA ${owa(s.smape, s.mase, n2s.smape, n2s.mase).toFixed(4)} ÷R ${bestR ? (s.mase / bestR.s.mase).toFixed(3) : '—'}  +${better}/-${worse}`,
		);
	}
	if (detail) {
		const p = pols.find(([n]) => n === detail);
		if (p)
			recs.forEach((r) => {
				const f = p[1](r);
				if (!f) return;
				const a = mase(r.test, r.point, r.train, d.scaleM);
				const b = mase(r.test, f, r.train, d.scaleM);
				if (Math.abs(a - b) > 1e-6)
					console.log(
						`  ${r.id.padEnd(14)} n=${r.train.length} o=${r.actuals.length} ${r.chosen.padEnd(40)} ${a.toFixed(3)} → ${b.toFixed(3)}`,
					);
			});
	}
	console.log('');
}

const DIR = join(tmpdir(), 'trendcast-sel');
export function main(): void {
	for (const back of backs)
		for (const spec of sets.split(',')) {
			const [key, every] = spec.split(':');
			const e = Number(every ?? 1);
			const file = join(DIR, `${key}-b${back}-e${e}${tag}.json`);
			if (!existsSync(file)) {
				process.stderr.write(`no dump ${file}\n`);
				continue;
			}
			evaluate(key, back, e, JSON.parse(readFileSync(file, 'utf8')));
		}
}
main();
