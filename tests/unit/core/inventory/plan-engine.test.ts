// The plan's engine options (core plan-engine.ts): with the Forecast screen's options on, a product
// ending on a restock spike gets the batch's spike curve only when asked (`spike: true`, the plan
// bench's --spike); the plan as shipped leaves it out (PLAN_SPIKE_CURVE, PLAN.md "planrep").
import { describe, expect, it } from 'vitest';
import { PLAN_SPIKE_CURVE, planEngine } from '../../../../src/core/inventory/plan-engine';
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

	it('gives the spike curve only when asked (spike: true), not by default (PLAN_SPIKE_CURVE) or off', () => {
		expect(PLAN_SPIKE_CURVE).toBe(false);
		expect(
			planEngine(batch, 'quick', true, { spike: true }).optionsFor(6, base, 0).spikeCurve,
		).toBeDefined();
		// the plan as shipped: the Forecast screen's options less the spike curve (PLAN.md "planrep")
		expect(planEngine(batch, 'quick').optionsFor(6, base, 0).spikeCurve).toBeUndefined();
		expect(planEngine(batch, 'quick', true).optionsFor(6, base, 0).spikeCurve).toBeUndefined();
		expect(
			planEngine(batch, 'quick', false, { spike: true }).optionsFor(6, base, 0).spikeCurve,
		).toBeUndefined();
		expect(
			planEngine(batch, 'quick', true, { spike: false }).optionsFor(6, base, 0).spikeCurve,
		).toBeUndefined();
	});
});
