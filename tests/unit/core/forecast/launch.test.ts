// Launch curves learned from the shop's earlier launches (issue #11, launches and spikes): a sneaker
// two weeks old that sold 436 then 632 must follow how earlier launches decayed, not stay at its peak.
import { describe, expect, it } from 'vitest';
import { forecastAuto } from '../../../../src/core/engine';
import {
	batchLaunchCurves,
	isYoungLaunch,
	LAUNCH_MIN_DONORS,
	launchForecast,
	learnLaunchCurve,
} from '../../../../src/core/forecast/launch';
import type { SeriesBatch } from '../../../../src/core/types';

const N = 40;
const H = 8;

/** A hype launch at week `at`: a peak of `peak`, halving every 2 weeks towards 10 % of it. */
function hype(at: number, peak: number, n = N): number[] {
	return Array.from({ length: n }, (_, t) =>
		t < at ? 0 : Math.round(peak * (0.1 + 0.9 * 0.5 ** ((t - at) / 2))),
	);
}

/** A batch of products on one weekly grid (ids p0 …), with optional categories. */
function batchOf(series: number[][], categories?: string[]): SeriesBatch {
	const indptr = Int32Array.from({ length: series.length + 1 }, (_, i) => i * N);
	return {
		ids: series.map((_, i) => `p${i}`),
		indptr,
		ds: new Float64Array(series.length * N),
		y: Float64Array.from(series.flat()),
		...(categories ? { categories } : {}),
	};
}

describe('learnLaunchCurve', () => {
	it('is the median of later sales relative to the first k periods, for each age', () => {
		// five launches, each 100 then 50 then 25 … (halving): after k = 2 weeks (mean 75) the next is 25
		const halving = Array.from({ length: 5 }, (_, i) =>
			Array.from({ length: 12 }, (_, t) => (100 + i) * 0.5 ** t),
		);
		const c = learnLaunchCurve(halving, 4)!;
		expect(c.donors).toBe(5);
		const median = (k: number, j: number): number => c.q[k - 1][j][4];
		expect(median(1, 0)).toBeCloseTo(0.5, 10);
		expect(median(2, 0)).toBeCloseTo(0.25 / 0.75, 10);
		expect(median(2, 3)).toBeCloseTo(0.5 ** 5 / 0.75, 10);
		// the point forecast of a product two weeks old: its own first-2 mean × the ratios
		const f = launchForecast([40, 20], c, 4, [0.8])!;
		expect(f.point[0]).toBeCloseTo(30 * (0.25 / 0.75), 8);
		expect(f.point[3]).toBeLessThan(f.point[0]);
		expect(f.intervals[0].lower[0]).toBeLessThanOrEqual(f.point[0]);
		expect(f.intervals[0].upper[0]).toBeGreaterThanOrEqual(f.point[0]);
	});

	it(`needs ${LAUNCH_MIN_DONORS} earlier launches for an age`, () => {
		const few = Array.from({ length: LAUNCH_MIN_DONORS - 1 }, () => [10, 8, 6, 4, 2, 1]);
		expect(learnLaunchCurve(few, 3)).toBeNull();
	});
});

describe('batchLaunchCurves', () => {
	it('learns from the launches of the batch and prefers the category with enough of its own', () => {
		const slow = Array.from({ length: 6 }, (_, i) => hype(8 + i, 200 + 10 * i));
		const flat = Array.from({ length: 6 }, (_, i) =>
			Array.from({ length: N }, (_, t) => (t < 8 + i ? 0 : 50)),
		);
		const young = hype(N - 2, 600);
		const b = batchOf(
			[...slow, ...flat, young],
			[...slow.map(() => 'A'), ...flat.map(() => 'B'), 'B'],
		);
		const curves = batchLaunchCurves(b, H);
		const own = curves.curveFor(12)!;
		expect(own.source).toBe('category');
		expect(own.group).toBe('B');
		// category B's launches stay flat: the ratio is 1
		expect(own.q[1][0][4]).toBeCloseTo(1, 10);
		// every launch with a period after its first: the 12 and the young one (its week 2 follows week 1)
		expect(curves.shop!.donors).toBe(13);
		// an old product or one that never launched inside the data is not a young launch
		expect(isYoungLaunch(b.y.subarray(0, N), own)).toBe(false);
		expect(isYoungLaunch(young, own)).toBe(true);
	});
});

describe('engine with a launch curve', () => {
	const earlier = Array.from({ length: 8 }, (_, i) => hype(6 + 2 * i, 300 + 20 * i));
	const young = hype(N - 3, 600);
	const curve = batchLaunchCurves(batchOf([...earlier, young]), 12).curveFor(8)!;

	it('forecasts a three-week-old launch down its decay, with a note, not at its peak', () => {
		const y = Float64Array.from(young);
		const r = forecastAuto(y, { horizon: 12, season: 52, launchCurve: curve });
		expect(r.model).toBe('launch');
		expect(r.notes.map((n) => n.code)).toContain('engine_note_launch_curve');
		// the same hype decays from ~600 to ~60: the curve goes down, and ends near the floor
		expect(r.point[11]).toBeLessThan(r.point[0]);
		const truth = hype(N - 3, 600, N + 12).slice(N);
		const err = (p: Float64Array): number => p.reduce((a, v, j) => a + Math.abs(v - truth[j]), 0);
		expect(err(r.point)).toBeLessThan(
			0.5 * err(forecastAuto(y, { horizon: 12, season: 52 }).point),
		);
		for (const iv of r.intervals) {
			for (let j = 0; j < 12; j++) expect(iv.lower[j]).toBeLessThanOrEqual(iv.upper[j]);
		}
	});

	it('does not scale the curve by a single first period (a pre-release trickle)', () => {
		// one week old: 17 pre-release sales; the earlier launches' age-1 ratios would multiply them
		const one = Float64Array.from([...Array.from({ length: N - 1 }, () => 0), 17]);
		expect(curve.q[0].length).toBeGreaterThan(0);
		expect(isYoungLaunch(one, curve)).toBe(false);
		expect(launchForecast([17], curve, 4)).toBeNull();
		const r = forecastAuto(one, { horizon: 12, season: 52, launchCurve: curve });
		expect(r.model).not.toBe('launch');
		expect(r.notes.map((n) => n.code)).not.toContain('engine_note_launch_curve');
	});

	it('leaves a product without a curve, or an old one, to the other methods', () => {
		const y = Float64Array.from(young);
		expect(forecastAuto(y, { horizon: 12, season: 52 }).model).not.toBe('launch');
		const old = Float64Array.from(earlier[0]);
		const r = forecastAuto(old, { horizon: 12, season: 52, launchCurve: curve });
		expect(r.model).not.toBe('launch');
		expect(r.notes.map((n) => n.code)).not.toContain('engine_note_launch_curve');
	});
});

describe('launch settings (the ages and pooling swept at validation, RESULTS.md launch4)', () => {
	const slow = Array.from({ length: 6 }, (_, i) => hype(8 + i, 200 + 10 * i));
	const flat = Array.from({ length: 6 }, (_, i) =>
		Array.from({ length: N }, (_, t) => (t < 8 + i ? 0 : 50)),
	);
	const two = hype(N - 2, 600);
	const cats = [...slow.map(() => 'A'), ...flat.map(() => 'B'), 'B'];

	it('uses a curve only at the ages asked for', () => {
		const b = batchOf([...slow, ...flat, two], cats);
		expect(isYoungLaunch(two, batchLaunchCurves(b, H).curveFor(12))).toBe(true);
		const from3 = batchLaunchCurves(b, H, { minAge: 3 }).curveFor(12)!;
		expect(from3.minAge).toBe(3);
		expect(isYoungLaunch(two, from3)).toBe(false);
		expect(launchForecast(two.slice(N - 2), from3, H)).toBeNull();
		const upTo1 = batchLaunchCurves(b, H, { minAge: 1, maxAge: 1 }).curveFor(12)!;
		expect(isYoungLaunch(two, upTo1)).toBe(false);
	});

	it('pools the whole shop when asked, whatever the categories', () => {
		const b = batchOf([...slow, ...flat, two], cats);
		const c = batchLaunchCurves(b, H, { pool: 'shop' }).curveFor(12)!;
		expect(c.source).toBe('shop');
		expect(c.donors).toBe(13);
	});

	it('gives a series of another batch (a product read alone) its curve by history and category', () => {
		const b = batchOf([...slow, ...flat, two], cats);
		const curves = batchLaunchCurves(b, H);
		expect(curves.curveOf(two, 'B')).toBe(curves.curveFor(12));
		expect(curves.curveOf(two, 'B')!.source).toBe('category');
		// an unknown category: the shop's
		expect(curves.curveOf(two, 'C')).toBe(curves.shop);
	});
});
