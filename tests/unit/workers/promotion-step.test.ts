// The forecast worker's promotions step fits a product's promotions from its first sale on: the weeks
// before a launch are not a baseline of zero (they pulled the regression's level down and inflated
// every promotion's uplift).
import { describe, expect, it } from 'vitest';
import { promotionStep } from '../../../workers/forecast/promotions';

const WEEK = 7 * 86_400_000;
const T0 = Date.UTC(2023, 0, 2);

describe('promotionStep', () => {
	it('measures a launched product’s promotion from its first sale, not from the zeros before it', () => {
		const before = 30;
		const n = before + 40;
		const ds = Float64Array.from({ length: n }, (_, t) => T0 + t * WEEK);
		// level 100 (± a small wobble) after launch, +50 in the promotion weeks 50–53
		const y = Float64Array.from({ length: n }, (_, t) =>
			t < before ? 0 : 100 + ((t * 7) % 5) - 2 + (t >= 50 && t <= 53 ? 50 : 0),
		);
		const promo = {
			row: 2,
			product: 'p1',
			category: null,
			start: ds[50],
			end: ds[53] + 6 * 86_400_000,
			discount: 0.2,
		};
		const step = promotionStep(ds, y, 8, 1, [promo], 'week');
		expect(step).not.toBeNull();
		const r = step!.finish({
			point: new Float64Array(8).fill(100),
			intervals: [],
		} as never) as { promotions?: unknown[] };
		const up = (r.promotions ?? []) as { extra: number; lo: number; hi: number }[];
		expect(up).toHaveLength(1);
		// the uplift per period is ~50 units with a tight 95 % range (with the pre-launch zeros in the
		// fit it read 57.6, range 30–85)
		expect(up[0].extra / 4).toBeGreaterThan(47);
		expect(up[0].extra / 4).toBeLessThan(53);
		expect((up[0].hi - up[0].lo) / 4).toBeLessThan(10);
		// the pre-launch zeros stay zeros in the history given to the engine, the launch is kept
		expect(step!.y.length).toBe(n);
		expect(Math.max(...step!.y.subarray(0, before))).toBe(0);
		expect(step!.y[before]).toBeGreaterThan(90);
		// the promotion weeks' baseline is the level without the uplift
		expect(step!.y[51]).toBeGreaterThan(90);
		expect(step!.y[51]).toBeLessThan(110);
	});
});
