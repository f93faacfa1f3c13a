// The plan's engine options (core plan-engine.ts): with the Forecast screen's options on, a product
// ending on a restock spike gets the batch's spike curve, unless the plan bench leaves it out
// (`spike: false`, tests/bench/plan.ts --no-spike, to measure what it costs the plan's fill rate).
import { describe, expect, it } from 'vitest';
import { planEngine } from '../../../../src/core/inventory/plan-engine';
import type { SeriesBatch } from '../../../../src/core/types';

const N = 40;
/** About 35 a week, with one-week restocks of 150 at `at`. */
function sneaker(at: number[], k: number): number[] {
	return Array.from({ length: N }, (_, t) => (at.includes(t) ? 150 : 35 + ((t * 7 + k) % 5) - 2));
}

describe('planEngine', () => {
	const all = [
		...Array.from({ length: 6 }, (_, k) => sneaker([12 + k, 25], k)),
		[...sneaker([20], 9).slice(0, 38), 98, 122],
	];
	const batch: SeriesBatch = {
		ids: all.map((_, i) => `s${i}`),
		indptr: Int32Array.from({ length: all.length + 1 }, (_, i) => i * N),
		ds: new Float64Array(all.length * N),
		y: Float64Array.from(all.flat()),
	};
	const base = { horizon: 3, season: 52 };

	it('gives the spike curve with the options on, not with them off or with spike: false', () => {
		expect(planEngine(batch, 'quick', true).optionsFor(6, base, 0).spikeCurve).toBeDefined();
		expect(planEngine(batch, 'quick', false).optionsFor(6, base, 0).spikeCurve).toBeUndefined();
		expect(
			planEngine(batch, 'quick', true, { spike: false }).optionsFor(6, base, 0).spikeCurve,
		).toBeUndefined();
	});
});
