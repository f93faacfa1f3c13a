// Fusion for the Forecast screen: a signal planted 2 weeks ahead of sales is found, kept (the backtest
// improves) and forecast with; an unrelated one is not used; one that ends early or overlaps too little
// is reported as such.
import { describe, expect, it } from 'vitest';
import { rng } from '../../../src/core/signals/sentiment';
import { fuseSignals, type WeeklySignal } from '../../../workers/data/fusion';

const WEEK = 7 * 86_400_000;
const T0 = Date.UTC(2023, 0, 2); // a Monday

function gauss(rand: () => number): number {
	return Math.sqrt(-2 * Math.log(Math.max(1e-12, rand()))) * Math.cos(2 * Math.PI * rand());
}

describe('fusion of signals into a forecast', () => {
	const rand = rng(42);
	const n = 90;
	const ds = Array.from({ length: n }, (_v, i) => T0 + i * WEEK);
	// The signal: an AR(1) around 50 (it is known 2 weeks beyond the sales' last week).
	const x: number[] = [50];
	for (let i = 1; i < n + 2; i++) x.push(50 + 0.6 * (x[i - 1] - 50) + 8 * gauss(rand));
	// Sales follow the signal 2 weeks later, plus a little noise.
	const y = ds.map((_w, i) => 20 + 3 * (i >= 2 ? x[i - 2] : 50) + gauss(rand));
	const weekly = (vals: number[], from = 0, to = vals.length) =>
		new Map(vals.slice(from, to).map((v, i) => [T0 + (from + i) * WEEK, v]));
	const noise = Array.from({ length: n }, () => 50 + 8 * gauss(rand));

	it('keeps a leading signal that improves the backtest and forecasts with it', () => {
		const signals: WeeklySignal[] = [
			{ kind: 'search', name: 'lead', weekly: weekly(x), zeroFill: false },
			{ kind: 'search', name: 'noise', weekly: weekly(noise), zeroFill: false },
			{ kind: 'topic', name: '#old', weekly: weekly(x, 0, 60), zeroFill: true },
			{ kind: 'search', name: 'recent', weekly: weekly(x, 70, n), zeroFill: false },
			// the same leading signal over 37 weeks: room for 2 held-out windows only, too few to judge
			{ kind: 'search', name: 'two-windows', weekly: weekly(x, n - 37, n + 2), zeroFill: false },
		];
		const r = fuseSignals(ds, y, signals, 4);
		const [lead, nz, old, recent, two] = r.candidates;
		expect(two).toMatchObject({ status: 'short', weeks: 37, forecast: null });
		expect(lead.status).toBe('used');
		expect(lead.lag).toBe(2);
		expect(lead.origins).toBe(4);
		expect(lead.weeks).toBe(n);
		expect(lead.maseWith!).toBeLessThan(lead.maseWithout!);
		expect(lead.maseWith!).toBeLessThan(lead.maseAuto!);
		// The forecast uses the known signal, also its 2 weeks beyond the sales: week k ≈ 20 + 3·x[n+k−2].
		for (let k = 0; k < 4; k++)
			expect(Math.abs(lead.forecast!.point[k] - (20 + 3 * x[n + k - 2]))).toBeLessThan(4);
		expect(lead.forecast!.lo80[0]).toBeLessThan(lead.forecast!.point[0]);
		expect(['no-lead', 'worse']).toContain(nz.status);
		expect(nz.forecast).toBeNull();
		expect(old.status).toBe('stale');
		expect(recent).toMatchObject({ status: 'short', weeks: 20, forecast: null });
		expect(lead.weeks).toBe(n);
	}, 60_000);
});
