// The launch regression (src/core/newproduct/level.ts) on planted launches: it recovers a level set by
// attributes and launch month, its 80 % bounds hold about 80 % of new weekly values, it never learns from
// a later launch, the search features are kept only when they earn it on the latest launches, and the
// per-week fits and launch-quarter effects (LAUNCH_VARIANTS) learn month shapes and a quarter's level.
import { describe, expect, it } from 'vitest';
import {
	categoryMeanForecast,
	launchScores,
	type LaunchProduct,
	type WordTrends,
} from '../../../src/core/newproduct/knn';
import {
	chooseLaunchMethod,
	fitLaunchModel,
	forecastLaunches,
	LAUNCH_VARIANTS,
	searchGate,
} from '../../../src/core/newproduct/level';

const DAY = 86_400_000;
const H = 6;
const T0 = Date.UTC(2017, 0, 2);

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const normal = (r: () => number) =>
	Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());

const CATS = ['dress', 'coat', 'skirt'];
const COLOURS = ['red', 'black', 'blue', 'white'];
const SHAPE = [0.3, 0.25, 0.17, 0.12, 0.09, 0.07];

/** Launches whose log level = category + colour + (summer months) + `search` × searchEffect + noise. */
function plant(n: number, seed: number, searchEffect = 0, trends?: WordTrends) {
	const r = rng(seed);
	const out: LaunchProduct[] = [];
	for (let i = 0; i < n; i++) {
		const cat = CATS[i % 3];
		const colour = COLOURS[Math.floor(r() * 4)];
		const launch = T0 + Math.floor(i * 2.5) * DAY;
		const month = new Date(launch).getUTCMonth();
		let log =
			3 +
			{ dress: 1.2, coat: 0, skirt: -0.6 }[cat]! +
			(colour === 'black' ? 0.5 : 0) +
			(month >= 4 && month <= 7 ? 0.6 : 0) +
			0.35 * normal(r);
		if (searchEffect && trends) {
			const w = Math.floor((launch - trends.weeks[0]) / (7 * DAY));
			const s = trends.series.get(cat)!;
			const last = s.slice(Math.max(0, w - 8), w);
			log += searchEffect * Math.log((last.reduce((a, v) => a + v, 0) / last.length + 1) / 51);
		}
		const total = Math.exp(log);
		out.push({
			id: `p${i}`,
			attributes: { category: cat, color: colour },
			launch,
			curve: SHAPE.map((s) => total * s * Math.exp(0.25 * normal(r))),
		});
	}
	return out;
}

describe('launch regression', () => {
	it('recovers attribute and month effects and beats the category mean on later launches', () => {
		const all = plant(600, 7);
		const train = all.slice(0, 480);
		const test = all.slice(480);
		const fc = forecastLaunches(test, train, { horizon: H, lambda: 3, scale: 1 });
		const actual = test.map((p) => p.curve!);
		const reg = launchScores(
			actual,
			fc.map((f) => f!.mean),
		).wape;
		const base = launchScores(
			actual,
			test.map((p) => categoryMeanForecast(p, train, H)),
		).wape;
		expect(reg).toBeLessThan(base * 0.85);
		const m = fitLaunchModel(train, { horizon: H, lambda: 3 });
		const eff = new Map(m.effects().map((e) => [e.feature, e.coefficient]));
		expect(eff.get('color=black')!).toBeGreaterThan(0.3);
		expect(eff.get('category=dress')! - eff.get('category=skirt')!).toBeGreaterThan(1.4);
		// 80 % bounds hold roughly 80 % of the weekly values of the new launches
		let inside = 0;
		let n = 0;
		test.forEach((p, i) =>
			p.curve!.forEach((y, h) => {
				n++;
				if (y >= fc[i]!.lo80[h] && y <= fc[i]!.hi80[h]) inside++;
			}),
		);
		expect(inside / n).toBeGreaterThan(0.7);
		expect(inside / n).toBeLessThan(0.9);
	});

	it('forecasts each launch only from launches before it (a later blockbuster changes nothing)', () => {
		const all = plant(200, 3);
		const target = { ...all[150], curve: undefined };
		const before = forecastLaunches([target], all.slice(0, 150), { horizon: H })[0]!;
		const later = all.slice(150).map((p) => ({ ...p, curve: p.curve!.map((v) => v * 1000) }));
		const withLater = forecastLaunches([target], [...all.slice(0, 150), ...later], {
			horizon: H,
		})[0]!;
		expect(withLater.mean).toEqual(before.mean);
		expect(forecastLaunches([all[1]], all, { horizon: H })[0]).toBeNull();
	});

	it('keeps search features only when they lower the error on the latest launches', () => {
		const weeks = Array.from({ length: 300 }, (_v, i) => T0 - 60 * 7 * DAY + i * 7 * DAY);
		const r = rng(11);
		const series = new Map<string, number[]>();
		for (const c of CATS) {
			let x = 50;
			series.set(
				c,
				weeks.map(() => (x = Math.min(100, Math.max(1, x + 8 * normal(r))))),
			);
		}
		const trends: WordTrends = { weeks, series };
		const driven = plant(500, 5, 1.5, trends);
		const g1 = searchGate(driven, { horizon: H, trends, lambda: 3 })!;
		expect(g1.use).toBe(true);
		expect(g1.wapeWith).toBeLessThan(g1.wapeWithout);
		// the same words' search with no effect on sales: left out
		const plain = plant(500, 5);
		const noise: WordTrends = {
			weeks,
			series: new Map(CATS.map((c) => [c, weeks.map(() => 1 + 99 * r())])),
		};
		const g2 = searchGate(plain, { horizon: H, trends: noise, lambda: 3 })!;
		expect(g2.tested).toBe(100);
		expect(g2.use).toBe(false);
	});

	it('one fit per week learns a launch-month shape, a quarter effect learns its level, the backtest picks them', () => {
		// launches in January–June fade, July–December ones build up; launches in the first quarter of 2020 sell 3×
		const r = rng(21);
		const RISING = [...SHAPE].reverse();
		const all: LaunchProduct[] = [];
		for (let i = 0; i < 640; i++) {
			const cat = CATS[i % 3];
			const launch = T0 + Math.floor(i * 2.3) * DAY;
			const d = new Date(launch);
			const boost = d.getUTCFullYear() === 2020 && d.getUTCMonth() < 3 ? 1.1 : 0;
			const total = Math.exp(3 + (cat === 'dress' ? 0.8 : 0) + boost + 0.3 * normal(r));
			const shape = d.getUTCMonth() < 6 ? SHAPE : RISING;
			all.push({
				id: `q${i}`,
				attributes: { category: cat },
				launch,
				curve: shape.map((s) => total * s * Math.exp(0.2 * normal(r))),
			});
		}
		const boosted = (p: LaunchProduct) =>
			new Date(p.launch).getUTCFullYear() === 2020 && new Date(p.launch).getUTCMonth() < 3;
		const test = all.filter((p, i) => i >= 400 && (!boosted(p) || i % 2 === 0));
		const history = all.filter((p) => !test.includes(p));
		const actual = test.map((p) => p.curve!);
		const score = (o: object) => {
			const m = fitLaunchModel(history, { horizon: H, lambda: 3, ...o });
			return launchScores(
				actual,
				test.map((p) => m.predict(p).mean),
			).wape;
		};
		const plain = score({});
		const weekly = score({ weekly: true });
		const quarter = score({ weekly: true, period: 'quarter' });
		expect(weekly).toBeLessThan(plain * 0.8);
		expect(quarter).toBeLessThan(weekly * 0.95);
		// the boosted quarter's launches: the quarter's own effect lifts them
		const b = test.filter(boosted);
		expect(b.length).toBeGreaterThan(10);
		const lift = (o: object) => {
			const m = fitLaunchModel(history, { horizon: H, lambda: 3, ...o });
			return b.reduce((a, p) => a + m.predict(p).total, 0);
		};
		expect(lift({ weekly: true, period: 'quarter' })).toBeGreaterThan(1.8 * lift({ weekly: true }));
		const choice = chooseLaunchMethod(all, { horizon: H, lambda: 3 })!;
		expect(choice.variant).toBe(LAUNCH_VARIANTS[1].name);
		expect(choice.options).toMatchObject({ weekly: true, period: 'quarter', horizon: H });
		expect(choice.wapeVariants[1]).toBeLessThan(choice.wapeVariants[0]);
	});
});
