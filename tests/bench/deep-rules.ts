// Scores rules that decide where the deep model joins the ensemble, from the per-series dumps of
// tests/bench/deep-ensemble.ts (--dump DIR): the engine alone, the engine with the deep model mixed
// into every series ("always mix"), and with it only as a stand-alone candidate. No training, no
// engine pass: each rule picks per series one of these forecasts (or the deep model's weighted mix
// with the engine's), so many rules are compared on the same windows in seconds.
// Usage: tsx tests/bench/deep-rules.ts DIR [back]   (back: 1 = validation V1, 2 = V2, 0 = held out)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	deepGate,
	DEEP_GATE,
	DEEP_MIX_GATE,
	holdoutCheck,
	holdoutScale,
	mixVerdict,
	type HoldoutCheck,
} from '../../src/ml/candidates';

interface Row {
	model: string;
	mase: number;
	wape: number;
}
interface One {
	model: string;
	point: number[];
	leaderboard: Row[];
}
interface Series {
	id: string;
	n: number;
	train: number[];
	test: number[];
	base: One;
	runs: Record<string, One>;
	deep: number[];
	/** The hold-out check's forecasts from h periods before the end (deep-ensemble.ts). */
	check?: { stat: number[]; deep: number[] | null; actual: number[] } | null;
}
interface Dump {
	key: string;
	h: number;
	scaleM: number;
	back: number;
	series: Series[];
}

const [dir, backArg] = process.argv.slice(2);
const back = backArg ?? '1';
const files = readdirSync(dir).filter((f) => f.endsWith(`-back${back}.json`));

/** Mean MASE over series and pooled WAPE of per-series point forecasts. */
function score(d: Dump, pts: number[][]): { mase: number; wape: number } {
	let ms = 0;
	let nm = 0;
	let ae = 0;
	let sa = 0;
	d.series.forEach((s, i) => {
		let sc = 0;
		let k = 0;
		for (let t = d.scaleM; t < s.n; t++) {
			sc += Math.abs(s.train[t] - s.train[t - d.scaleM]);
			k++;
		}
		sc /= k;
		let e = 0;
		for (let j = 0; j < d.h; j++) {
			e += Math.abs(s.test[j] - pts[i][j]);
			sa += Math.abs(s.test[j]);
		}
		ae += e;
		if (sc > 0) {
			ms += e / d.h / sc;
			nm++;
		}
	});
	return { mase: ms / nm, wape: ae / sa };
}

type Rule = (d: Dump) => { pts: number[][]; used: number };

const mixRun = (s: Series): One => s.runs.Infinity;
const offRun = (s: Series): One => s.runs.null ?? s.base;
const gateOf = (d: Dump, g = DEEP_GATE) =>
	deepGate(d.series.map(mixRun), g, { lengths: d.series.map((s) => s.n), horizon: d.h });
const inner = (r: One): Row | undefined => {
	const mixRow = r.leaderboard.find((x) => x.model.startsWith('mix('));
	if (!mixRow) return undefined;
	const name = mixRow.model.slice(4, mixRow.model.lastIndexOf(','));
	return r.leaderboard.find((x) => x.model === name);
};
const row = (r: One, p: string): Row | undefined =>
	r.leaderboard.find((x) => x.model.startsWith(p));
const uses = (r: One): boolean => r.model.includes('deep-');

const rules: Record<string, Rule> = {
	engine: (d) => ({ pts: d.series.map((s) => s.base.point), used: 0 }),
	'always mix': (d) => ({
		pts: d.series.map((s) => mixRun(s).point),
		used: d.series.filter((s) => uses(mixRun(s))).length,
	}),
	'previous rule (deepGate ? mix : stand-alone deep)': (d) => {
		const pass = gateOf(d).pass;
		const pick = (s: Series) => (pass ? mixRun(s) : offRun(s));
		return {
			pts: d.series.map((s) => pick(s).point),
			used: d.series.filter((s) => uses(pick(s))).length,
		};
	},
	'deepGate ? mix : engine (no stand-alone)': (d) => {
		const pass = gateOf(d).pass;
		const pick = (s: Series) => (pass ? mixRun(s) : s.base);
		return {
			pts: d.series.map((s) => pick(s).point),
			used: d.series.filter((s) => uses(pick(s))).length,
		};
	},
};

/** Per-series rule: the deep model's (or the mix's) backtest ≤ g × the statistical choice's, over ≥ o origins. */
function perSeries(
	g: number,
	o: number,
	what: 'deep' | 'mix',
	wape: boolean,
	pooled: boolean,
	weight: 'half' | 'inverse' = 'half',
): Rule {
	return (d) => {
		const pass = !pooled || gateOf(d).pass;
		let used = 0;
		const pts = d.series.map((s) => {
			const r = mixRun(s);
			const c = inner(r);
			const x = row(r, what === 'deep' ? 'deep-' : 'mix(');
			const origins = d.h > 0 ? originsOf(s.n, d.h) : 0;
			const keep =
				pass &&
				!!c &&
				!!x &&
				origins >= o &&
				x.mase <= g * c.mase &&
				(!wape || x.wape <= g * c.wape);
			if (!keep) return s.base.point;
			used++;
			if (weight === 'half') return r.point;
			const dm = row(r, 'deep-')!.mase;
			const w = 1 / dm / (1 / dm + 1 / c!.mase);
			return s.base.point.map((v, j) => (1 - w) * v + w * s.deep[j]);
		});
		return { pts, used };
	};
}

/** Origins the engine backtests a series of n points on (src/core/engine.ts). */
function originsOf(n: number, h: number): number {
	const wanted = Math.min(6, Math.max(3, Math.ceil(24 / h)));
	return n >= wanted * h + 12 ? wanted : n >= 3 * h + 12 ? 3 : n >= 2 * h + 8 ? 2 : 1;
}

for (const g of [1, 0.95, 0.9])
	for (const o of [1, 2])
		for (const what of ['deep', 'mix'] as const) {
			rules[`per-series ${what} ≤ ${g}·choice, ≥ ${o} origins, + deepGate`] = perSeries(
				g,
				o,
				what,
				false,
				true,
			);
			rules[`per-series ${what} ≤ ${g}·choice, ≥ ${o} origins, no deepGate`] = perSeries(
				g,
				o,
				what,
				false,
				false,
			);
		}
for (const g of [1, 0.95])
	for (const o of [1, 2]) {
		rules[`per-series deep MASE&WAPE ≤ ${g}, ≥ ${o} origins, + deepGate`] = perSeries(
			g,
			o,
			'deep',
			true,
			true,
		);
		rules[`per-series deep MASE&WAPE ≤ ${g}, ≥ ${o} origins, no deepGate`] = perSeries(
			g,
			o,
			'deep',
			true,
			false,
		);
	}
rules['inverse-MASE weights, every series (deep scored)'] = perSeries(
	Infinity,
	1,
	'deep',
	false,
	false,
	'inverse',
);
rules['inverse-MASE weights + deepGate'] = perSeries(Infinity, 1, 'deep', false, true, 'inverse');
rules['inverse-MASE weights, per-series deep ≤ 1, ≥ 2 origins + deepGate'] = perSeries(
	1,
	2,
	'deep',
	false,
	true,
	'inverse',
);
/** Pooled gates on the mix's own backtest (mixVerdict) or on deep ÷ the statistical choice. */
function pooledRule(
	kind: 'mix' | 'choice' | 'mix+median',
	g: number,
	weight: 'half' | 'inverse' = 'half',
): Rule {
	return (d) => {
		const rs = d.series.map(mixRun);
		let pass: boolean;
		if (kind === 'choice') {
			let a = 0;
			let b = 0;
			for (const r of rs) {
				const c = inner(r);
				const x = row(r, 'deep-');
				if (!c || !x || !Number.isFinite(c.mase) || !Number.isFinite(x.mase)) continue;
				a += x.mase;
				b += c.mase;
			}
			pass = a / b <= g;
		} else {
			pass = mixVerdict(rs).ratio <= g && (kind === 'mix' || gateOf(d).pass);
		}
		let used = 0;
		const pts = d.series.map((s) => {
			const r = mixRun(s);
			if (!pass || !uses(r)) return s.base.point;
			used++;
			if (weight === 'half') return r.point;
			const c = inner(r);
			const dm = row(r, 'deep-')?.mase ?? NaN;
			if (!c || !Number.isFinite(dm)) return r.point;
			const w = 1 / dm / (1 / dm + 1 / c.mase);
			return s.base.point.map((v, j) => (1 - w) * v + w * s.deep[j]);
		});
		return { pts, used };
	};
}
for (const g of [1, 1.02, 1.03, 1.05, 1.1]) {
	rules[`pooled mix backtest ≤ ${g}·choice ? mix : engine`] = pooledRule('mix', g);
	rules[`pooled mix backtest ≤ ${g}·choice ? inverse-weight mix : engine`] = pooledRule(
		'mix',
		g,
		'inverse',
	);
	rules[`pooled mix ≤ ${g} & deepGate ? mix : engine`] = pooledRule('mix+median', g);
}
for (const g of [1, 1.05, 1.1, 1.2])
	rules[`pooled deep ≤ ${g}·choice ? mix : engine`] = pooledRule('choice', g);
/** The hold-out check (src/ml/candidates.ts holdoutCheck) of a dump, with the mix weight w. */
function holdoutOf(d: Dump, w = 0.5): HoldoutCheck {
	return holdoutCheck(
		d.series.flatMap((s) =>
			s.check
				? [
						{
							stat: s.check.stat,
							deep: s.check.deep ?? undefined,
							actual: s.check.actual,
							scale: holdoutScale(s.train),
						},
					]
				: [],
		),
		1,
		w,
	);
}
/** Every series: the mix run's forecast (50/50 where scored) or its blend with the engine's at weight w. */
function mixAll(d: Dump, w = 0.5): { pts: number[][]; used: number } {
	let used = 0;
	const pts = d.series.map((s) => {
		const r = mixRun(s);
		if (!uses(r)) return s.base.point;
		used++;
		if (w === 0.5) return r.point;
		// the mix run's point is 0.5·choice + 0.5·deep; weight w on the deep model
		return s.base.point.map((v, j) => v + 2 * w * (r.point[j] - v));
	});
	return { pts, used };
}
const engineAll = (d: Dump) => ({ pts: d.series.map((s) => s.base.point), used: 0 });
/** The rule before deep10 (deepGate and the mix's backtest ≤ DEEP_MIX_GATE), shipped when this ran. */
const previousKeeps = (d: Dump): boolean => {
	const rs = d.series.map(mixRun);
	const history = { lengths: d.series.map((s) => s.n), horizon: d.h };
	return deepGate(rs, DEEP_GATE, history).pass && mixVerdict(rs).ratio <= DEEP_MIX_GATE;
};
const shippedKeeps = previousKeeps;
rules['H1: hold-out MASE & WAPE ≤ 1'] = (d) => {
	const c = holdoutOf(d);
	return c.ratio <= 1 && c.wapeRatio <= 1 ? mixAll(d) : engineAll(d);
};
rules['H2: hold-out MASE ≤ 1'] = (d) => (holdoutOf(d).ratio <= 1 ? mixAll(d) : engineAll(d));
rules['H3: hold-out MASE & WAPE ≤ 0.98'] = (d) => {
	const c = holdoutOf(d);
	return c.ratio <= 0.98 && c.wapeRatio <= 0.98 ? mixAll(d) : engineAll(d);
};
rules['H4: hold-out weight 0.25 or 0.5 (MASE & WAPE ≤ 1)'] = (d) => {
	const ok = [0.25, 0.5]
		.map((w) => ({ w, c: holdoutOf(d, w) }))
		.filter((x) => x.c.ratio <= 1 && x.c.wapeRatio <= 1)
		.sort((a, b) => a.c.ratio - b.c.ratio);
	return ok.length ? mixAll(d, ok[0].w) : engineAll(d);
};
rules['H5: H1 or shipped'] = (d) => {
	const c = holdoutOf(d);
	return (c.ratio <= 1 && c.wapeRatio <= 1) || shippedKeeps(d) ? mixAll(d) : engineAll(d);
};
rules['H6: hold-out MASE ≤ 1 & mix backtest ≤ DEEP_MIX_GATE (no deepGate)'] = (d) =>
	holdoutOf(d).ratio <= 1 && mixVerdict(d.series.map(mixRun)).ratio <= DEEP_MIX_GATE
		? mixAll(d)
		: engineAll(d);
rules['H7: hold-out MASE & WAPE ≤ 1 & mix backtest ≤ DEEP_MIX_GATE (no deepGate)'] = (d) => {
	const c = holdoutOf(d);
	return c.ratio <= 1 && c.wapeRatio <= 1 && mixVerdict(d.series.map(mixRun)).ratio <= DEEP_MIX_GATE
		? mixAll(d)
		: engineAll(d);
};
rules['ref: mix backtest ≤ DEEP_MIX_GATE alone (no deepGate)'] = (d) =>
	mixVerdict(d.series.map(mixRun)).ratio <= DEEP_MIX_GATE ? mixAll(d) : engineAll(d);
rules['ref: always mix at weight 0.25'] = (d) => mixAll(d, 0.25);
rules['**before deep10: deepGate & mix ≤ DEEP_MIX_GATE ? mix : engine**'] = (d) => {
	const keep = previousKeeps(d);
	const pick = (s: Series) => (keep ? mixRun(s) : s.base);
	return {
		pts: d.series.map((s) => pick(s).point),
		used: d.series.filter((s) => uses(pick(s))).length,
	};
};

const dumps = files.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Dump);
const order = ['retail', 'stockx', 'walmart', 'm4', 'aus'];
dumps.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
const f = (x: number) => x.toFixed(3);
console.log(
	`| rule (back ${back}) | ${dumps.map((d) => `${d.key} (${d.series.length})`).join(' | ')} | worst MASE / WAPE |`,
);
console.log(`| --- | ${dumps.map(() => '---').join(' | ')} | --- |`);
for (const [name, rule] of Object.entries(rules)) {
	let worstM = 0;
	let worstW = 0;
	const cells = dumps.map((d) => {
		const a = score(
			d,
			d.series.map((s) => s.base.point),
		);
		const { pts, used } = rule(d);
		const b = score(d, pts);
		worstM = Math.max(worstM, b.mase / a.mase);
		worstW = Math.max(worstW, b.wape / a.wape);
		return `${f(b.mase / a.mase)} / ${f(b.wape / a.wape)} (${used})`;
	});
	console.log(`| ${name} | ${cells.join(' | ')} | ${f(worstM)} / ${f(worstW)} |`);
}
for (const d of dumps) {
	const g = gateOf(d);
	const v = mixVerdict(d.series.map(mixRun));
	const c = holdoutOf(d);
	const c25 = holdoutOf(d, 0.25);
	console.error(
		`${d.key}: pooled gate ${f(g.ratio)} / ${f(g.wapeRatio)} over ${g.n} series; mix ÷ choice ${f(v.ratio)} (${v.won}/${v.n}); hold-out check mix ÷ statistical ${f(c.ratio)} / ${f(c.wapeRatio)} (${c.won}/${c.n}), at weight 0.25 ${f(c25.ratio)} / ${f(c25.wapeRatio)}`,
	);
}
