// Classical decomposition (vs R's stats::decompose on AirPassengers), the M4 seasonality test and
// gap filling.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
	decompose,
	fillGaps,
	futureSeasonal,
	seasonalityTest,
} from '../../../../src/core/series/classical';

const ap = Float64Array.from(
	readFileSync(
		fileURLToPath(new URL('../../../fixtures/air-passengers.csv', import.meta.url)),
		'utf8',
	)
		.trim()
		.split('\n')
		.slice(1)
		.map((l) => Number(l.split(',')[2])),
);

// R 4.x: decompose(AirPassengers, "multiplicative")$figure and decompose(AirPassengers)$figure
const R_MULT = [
	0.910230367372201, 0.883625320694376, 1.007366287603545, 0.975906012322847, 0.981378027495129,
	1.112775826679273, 1.226555542931201, 1.219910969445625, 1.060491932646818, 0.921757240410498,
	0.801178082413474, 0.898824389985011,
];
const R_ADD = [
	-24.74873737373739, -36.18813131313131, -2.24116161616162, -8.03661616161616, -4.50631313131313,
	35.40277777777779, 63.83080808080809, 62.82323232323233, 16.52020202020203, -20.64267676767676,
	-53.59343434343435, -28.61994949494951,
];

describe('decompose', () => {
	it('matches R for multiplicative and additive seasonal figures', () => {
		const m = decompose(ap, 12, 'multiplicative');
		R_MULT.forEach((v, i) => expect(m.figure[i]).toBeCloseTo(v, 12));
		const a = decompose(ap, 12, 'additive');
		R_ADD.forEach((v, i) => expect(a.figure[i]).toBeCloseTo(v, 10));
		// centred 2×12 MA: undefined for the first and last 6 points
		expect(Number.isNaN(m.trend[5])).toBe(true);
		expect(m.trend[6]).toBeCloseTo(126.791666666667, 9);
		expect([...futureSeasonal(m.figure, ap.length, 2)]).toEqual([m.figure[0], m.figure[1]]);
	});
	it('needs two full cycles', () => {
		expect(() => decompose(ap.slice(0, 20), 12)).toThrow(/two cycles/);
	});
});

describe('seasonalityTest', () => {
	it('detects monthly seasonality in AirPassengers and none in a trend or with m = 1', () => {
		expect(seasonalityTest(ap, 12)).toBe(true);
		expect(
			seasonalityTest(
				Float64Array.from({ length: 60 }, (_, t) => t),
				12,
			),
		).toBe(false);
		expect(seasonalityTest(ap, 1)).toBe(false);
		// M4 requires three cycles, thetaf two
		expect(seasonalityTest(ap.slice(0, 30), 12, 3)).toBe(false);
	});
});

describe('fillGaps', () => {
	it('interpolates interior gaps linearly and trims the ends', () => {
		const r = fillGaps(Float64Array.from([NaN, 1, NaN, NaN, 4, 5, Infinity]));
		expect([...r.y]).toEqual([1, 2, 3, 4, 5]);
		expect(r).toMatchObject({ interpolated: 2, trimmedStart: 1, trimmedEnd: 1 });
		expect(fillGaps(Float64Array.from([NaN, NaN])).y.length).toBe(0);
	});
});
