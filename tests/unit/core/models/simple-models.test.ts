// Naive family, Theta and intermittent-demand models: the shared contract, golden numbers from R's
// forecast 8.20 (tests/fixtures/r-reference/simple-models-reference.R) and behavioural checks.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
	Drift,
	MovingAverage,
	Naive,
	Naive2,
	SeasonalNaive,
} from '../../../../src/core/models/naive';
import { Theta } from '../../../../src/core/models/theta';
import {
	ADIDA,
	Croston,
	IMAPA,
	SBA,
	TSB,
	classify,
} from '../../../../src/core/models/intermittent';
import { StlEts } from '../../../../src/core/models/stlf';
import type { Forecaster } from '../../../../src/core/types';
import { forecasterContract, seasonalSeries } from './forecaster-contract';

interface RPack {
	mean: number[];
	lower80: number[];
	upper80: number[];
	lower95: number[];
	upper95: number[];
}
const ref = JSON.parse(
	readFileSync(
		fileURLToPath(new URL('../../../fixtures/r-reference/simple-models.json', import.meta.url)),
		'utf8',
	),
) as Record<string, number[] | RPack | { mean: number[]; fitted: (number | string | null)[] }> & {
	AirPassengers: number[];
	nile: number[];
	intermittent: number[];
	croston: { mean: number[]; fitted: (number | string | null)[] };
};
const ap = Float64Array.from(ref.AirPassengers);

function expectMatches(model: Forecaster, y: Float64Array, m: number, r: RPack, tol = 1e-6): void {
	const h = r.mean.length;
	const f = model.fit(y, { season: m }).predict(h, { levels: [0.8, 0.95] });
	const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(1, Math.abs(b));
	for (let j = 0; j < h; j++) {
		expect(rel(f.point[j], r.mean[j])).toBeLessThan(tol);
		expect(rel(f.intervals[0].lower[j], r.lower80[j])).toBeLessThan(tol);
		expect(rel(f.intervals[0].upper[j], r.upper80[j])).toBeLessThan(tol);
		expect(rel(f.intervals[1].lower[j], r.lower95[j])).toBeLessThan(tol);
		expect(rel(f.intervals[1].upper[j], r.upper95[j])).toBeLessThan(tol);
	}
}

/** Deterministic intermittent series with noise in sizes and gaps. */
function intermittentSeries(n: number, seed = 3): Float64Array {
	let s = seed >>> 0;
	const rnd = (): number => {
		s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
		return s / 4294967296;
	};
	return Float64Array.from({ length: n }, () => (rnd() < 0.35 ? 1 + Math.floor(rnd() * 8) : 0));
}

const monthly = seasonalSeries(96, 12);
const cases = [
	{ label: 'monthly seasonal', y: monthly, fit: { season: 12 } },
	{ label: 'non-seasonal', y: seasonalSeries(40, 12, 11), fit: { season: 1 } },
	{ label: 'intermittent', y: intermittentSeries(60), fit: { season: 1 } },
];

describe('contract', () => {
	const factories: [string, () => Forecaster][] = [
		['naive', () => new Naive()],
		['snaive', () => new SeasonalNaive()],
		['drift', () => new Drift()],
		['ma4', () => new MovingAverage(4)],
		['naive2', () => new Naive2()],
		['theta', () => new Theta()],
		['croston', () => new Croston()],
		['sba', () => new SBA()],
		['tsb', () => new TSB()],
		['adida', () => new ADIDA()],
		['imapa', () => new IMAPA()],
	];
	for (const [name, make] of factories) {
		describe(name, () => forecasterContract(make, cases, name));
	}
	describe('stlf', () =>
		forecasterContract(
			() => new StlEts(),
			[cases[0], { label: 'weekly', y: seasonalSeries(160, 52), fit: { season: 52 } }],
			'stlf',
		));
});

describe('golden numbers vs R forecast 8.20 (AirPassengers)', () => {
	it('naive matches forecast::naive', () => expectMatches(new Naive(), ap, 12, ref.naive as RPack));
	it('snaive matches forecast::snaive', () =>
		expectMatches(new SeasonalNaive(), ap, 12, ref.snaive as RPack));
	it('drift matches forecast::rwf(drift = TRUE)', () =>
		expectMatches(new Drift(), ap, 12, ref.drift as RPack));
	it('theta matches forecast::thetaf (seasonal, multiplicative adjustment)', () =>
		expectMatches(new Theta(), ap, 12, ref.thetaf as RPack, 1e-4));
	it('theta matches forecast::thetaf on Nile (non-seasonal)', () =>
		expectMatches(new Theta(), Float64Array.from(ref.nile), 1, ref.thetaf_nile as RPack, 5e-4));
	it('croston matches forecast::croston (forecast and fitted)', () => {
		const y = Float64Array.from(ref.intermittent);
		const f = new Croston().fit(y);
		const p = f.predict(5).point;
		for (let j = 0; j < 5; j++) expect(p[j]).toBeCloseTo(ref.croston.mean[j], 10);
		const ins = f.predictInSample();
		ref.croston.fitted.forEach((v, t) => {
			if (typeof v !== 'number') expect(Number.isNaN(ins[t])).toBe(true);
			else expect(ins[t]).toBeCloseTo(v, 10);
		});
	});
});

describe('behaviour', () => {
	it('seasonal naive repeats the last season and falls back to naive when too short', () => {
		const y = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
		expect([...new SeasonalNaive().fit(y, { season: 4 }).predict(6).point]).toEqual([
			5, 6, 7, 8, 5, 6,
		]);
		expect([...new SeasonalNaive().fit(y, { season: 12 }).predict(2).point]).toEqual([8, 8]);
	});
	it('drift extrapolates the line through the first and last value', () => {
		const f = new Drift().fit(Float64Array.from([10, 12, 11, 16])).predict(2).point;
		expect(f[0]).toBeCloseTo(18, 12);
		expect(f[1]).toBeCloseTo(20, 12);
	});
	it('moving average forecasts the window mean and its in-sample values lag the window', () => {
		const f = new MovingAverage(3).fit(Float64Array.from([1, 2, 3, 4, 8]));
		expect(f.predict(2).point[0]).toBeCloseTo(5, 12);
		expect([...f.predictInSample()].slice(3)).toEqual([2, 3]);
	});
	it('naive2 equals naive without seasonality and reseasonalises with it', () => {
		const flat = seasonalSeries(40, 12, 5).map((v, t) => 100 + t * 0.1 + (v % 1));
		expect([...new Naive2().fit(flat, { season: 1 }).predict(3).point]).toEqual([
			...new Naive().fit(flat).predict(3).point,
		]);
		const f = new Naive2().fit(ap, { season: 12 }).predict(12).point;
		// July (peak) forecast above November (trough), unlike the flat naive
		expect(f[6]).toBeGreaterThan(f[10] * 1.2);
	});
	it('SBA is Croston times (1 − α/2); TSB decays after demand stops', () => {
		const y = intermittentSeries(50);
		const c = new Croston({ alpha: 0.2 }).fit(y).predict(1).point[0];
		const s = new SBA({ alpha: 0.2 }).fit(y).predict(1).point[0];
		expect(s).toBeCloseTo(c * 0.9, 12);
		const stopped = Float64Array.from([...y, ...new Array(30).fill(0)]);
		expect(new TSB().fit(stopped).predict(1).point[0]).toBeLessThan(
			new TSB().fit(y).predict(1).point[0] * 0.1,
		);
		// Croston does not react to the run of zeros
		expect(new Croston().fit(stopped).predict(1).point[0]).toBeCloseTo(
			new Croston().fit(y).predict(1).point[0],
			12,
		);
	});
	it('ADIDA and IMAPA give the mean demand rate for a regular pattern', () => {
		const y = Float64Array.from({ length: 40 }, (_, t) => (t % 4 === 3 ? 8 : 0));
		expect(new ADIDA().fit(y).predict(1).point[0]).toBeCloseTo(2, 6);
		expect(new IMAPA().fit(y).predict(1).point[0]).toBeGreaterThan(0);
	});
	it('classify follows the Syntetos–Boylan quadrants', () => {
		expect(classify(Float64Array.from([5, 6, 5, 6, 5, 6])).kind).toBe('smooth');
		expect(classify(Float64Array.from([1, 30, 2, 40, 1, 50])).kind).toBe('erratic');
		expect(classify(Float64Array.from([0, 5, 0, 0, 6, 0, 5, 0])).kind).toBe('intermittent');
		expect(classify(Float64Array.from([0, 1, 0, 0, 60, 0, 2, 0])).kind).toBe('lumpy');
		const none = classify(new Float64Array(5));
		expect(none.kind).toBe('none');
		expect(none.intermittent).toBe(true);
		expect(classify(Float64Array.from([0, 0, 3, 0, 0, 0, 2])).adi).toBeCloseTo(3.5, 12);
	});
	it('rejects non-finite input and bad levels', () => {
		expect(() => new Naive().fit(Float64Array.from([1, NaN, 3]))).toThrow(/not finite/);
		expect(() => new Naive().fit(new Float64Array(0))).toThrow(/empty/);
		expect(() => new Naive().fit(ap).predict(2, { levels: [95] })).toThrow(/level/);
	});
});
