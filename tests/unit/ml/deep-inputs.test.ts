// The deep models' regressor inputs (issue #13): which column feature 8 carries (promotions first),
// known future values (regressorsAhead) read in the forecast periods, the app's promotions as the
// regressor 'promotion', and the CLI's note naming the column --deep reads.
import { describe, expect, it } from 'vitest';
import type { PromotionRecord } from '../../../src/core/ingest/schemas/promotions';
import { N_FEATURES, fillWindow, otherRegressorIndex } from '../../../src/ml/features';
import { regressorLine, toBatch } from '../../../src/cli/deep-node';
import { withPromotions } from '../../../workers/train/inputs';
import { START, weeklyBatch } from './fixtures';

const WEEK_MS = 7 * 86_400_000;
const cfg = { lookback: 8, horizon: 4, freq: 'week' as const };

/** Feature `f` of every period of series 0's window ending at `end`. */
function channel(batch: Parameters<typeof fillWindow>[2], end: number, f: number): number[] {
	const T = cfg.lookback + cfg.horizon;
	const out = new Float32Array(T * N_FEATURES);
	fillWindow(out, 0, batch, 0, end, cfg, 1);
	return Array.from({ length: T }, (_, r) => out[r * N_FEATURES + f]);
}

describe('the non-price regressor channel', () => {
	it('takes the promotion first, else a promotion-like column, else the first extra one', () => {
		expect(otherRegressorIndex(['price', 'signal', 'promotion'])).toBe(2);
		expect(otherRegressorIndex(['price', 'trends', 'promo_flag'])).toBe(2);
		expect(otherRegressorIndex(['temperature', 'discount'])).toBe(1);
		expect(otherRegressorIndex(['price', 'trends', 'weather'])).toBe(1);
		expect(otherRegressorIndex(['price'])).toBe(-1);
		expect(otherRegressorIndex([])).toBe(-1);
	});

	it('reads the promotion, not the signal listed before it, with planned values in the future', () => {
		const batch = weeklyBatch(1, 20);
		const signal = Float64Array.from({ length: 20 }, () => 5);
		const promo = new Float64Array(20); // no promotion in the lookback
		batch.regressors = { names: ['signal', 'promotion'], values: [signal, promo] };
		batch.regressorsAhead = {
			horizon: 4,
			values: [new Float64Array(4).fill(NaN), Float64Array.from([0, 1, 0.5, 0])],
		};
		const ch = channel(batch, 20, 8);
		// lookback: no promotion (the signal's constant 1 would show here if it were read)
		expect(ch.slice(0, 8)).toEqual(new Array(8).fill(0));
		// forecast periods: the planned promotion, though the lookback had none
		expect(ch.slice(8)).toEqual([0, 1, 0.5, 0]);
	});

	it('holds the last value in the future without known values (as before)', () => {
		const batch = weeklyBatch(1, 20);
		const x = Float64Array.from({ length: 20 }, (_, t) => (t === 19 ? 2 : 1));
		batch.regressors = { names: ['trends'], values: [x] };
		expect(channel(batch, 20, 8).slice(8)).toEqual([1, 1, 1, 1]);
	});
});

describe("the app's promotions as the deep models' input", () => {
	const promo = (product: string, from: number, weeks: number): PromotionRecord => ({
		row: 1,
		product,
		category: null,
		start: START + from * WEEK_MS,
		end: START + (from + weeks) * WEEK_MS - 86_400_000,
		discount: 0.2,
	});

	it('adds the regressor promotion (past and planned) next to the price', () => {
		const batch = weeklyBatch(3, 30, true);
		const out = withPromotions(batch, { p1: [promo('p1', 10, 2), promo('p1', 31, 1)] }, 'week', 4);
		expect(out.regressors?.names).toEqual(['price', 'promotion']);
		const p = out.regressors!.values[1];
		expect(Array.from(p.subarray(30, 60)).filter((v) => v > 0)).toEqual([1, 1]);
		expect(p[30 + 10]).toBe(1);
		expect(Array.from(p.subarray(0, 30)).every((v) => v === 0)).toBe(true);
		// planned: week 31 is the second week after the end of p1 (index 30 is the first)
		expect(Array.from(out.regressorsAhead!.values[1].subarray(4, 8))).toEqual([0, 1, 0, 0]);
		expect(out.regressorsAhead!.values[0].every((v) => Number.isNaN(v))).toBe(true);
	});

	it('leaves a batch without promotions as it is', () => {
		const batch = weeklyBatch(2, 30, true);
		expect(withPromotions(batch, {}, 'week', 4)).toBe(batch);
	});
});

describe('the CLI --deep regressor columns', () => {
	it('names the column the deep models read when there are several', () => {
		expect(regressorLine(['price', 'trends', 'promo'])).toMatch(/"promo" as their promotion/);
		expect(regressorLine(['price', 'trends', 'promo'])).toMatch(
			/"trends" is used by the statistical/,
		);
		expect(regressorLine(['price', 'promo'])).toBeNull();
	});

	it('passes the future rows of the regressors to the deep models', () => {
		const b = toBatch(
			[
				{
					id: 'a',
					ds: [START, START + WEEK_MS],
					values: Float64Array.from([1, 2]),
					xreg: [Float64Array.from([0, 0])],
					future: [Float64Array.from([1, 0])],
				},
			],
			['promo'],
			2,
		);
		expect(Array.from(b.regressorsAhead!.values[0])).toEqual([1, 0]);
	});
});
