// The ETS objective has one loop per error/season kind (issue #11 speed); each must give exactly what
// the general filter etsRun gives, for every kind, trend and damping, so a change to one cannot drift.
import { describe, expect, it } from 'vitest';
import { etsInternals } from '../../../../src/core/models/ets';

const M = 4;
const N = 40;
// positive, seasonal, trending: valid for multiplicative error and season too
const y = Float64Array.from(
	{ length: N },
	(_, t) => 50 + 0.7 * t + 8 * Math.sin((2 * Math.PI * t) / M) + ((t * 37) % 5),
);

describe('ETS objective vs the general filter', () => {
	for (const err of [0, 1] as const)
		for (const season of [0, 1, 2] as const)
			for (const [trend, damped] of [
				[0, false],
				[1, false],
				[1, true],
			] as const)
				it(`error ${err}, trend ${trend}${damped ? ' damped' : ''}, season ${season}`, () => {
					const k = { err, trend, season, damped, m: M };
					const x0 = [50, 0.5, ...(season === 2 ? [1.1, 0.95, 0.9, 1.05] : [6, -2, -6, 2])];
					const start = trend ? x0 : [x0[0], ...x0.slice(2)];
					const a = etsInternals.run(y, k, 0.3, 0.05, 0.1, 0.9, start, new Float64Array(M));
					const b = etsInternals.objective(y, k, 0.3, 0.05, 0.1, 0.9, start, new Float64Array(M));
					expect(Number.isFinite(a)).toBe(true);
					expect(Object.is(a, b)).toBe(true);
				});
});
