// The hold-out check of a deep model's mix (src/core/forecast/holdout.ts, src/ml/candidates.ts): the
// forecasts made one horizon back, scored on what then sold, decide for the whole shop whether the
// deep model is mixed in (the app's forecast run and the CLI's --deep both go through it).
import { describe, expect, it } from 'vitest';
import { translate } from '../../../src/lib/i18n/translate';
import {
	deepNote,
	holdoutCheck,
	holdoutScale,
	holdoutTails,
	type HoldoutSeries,
} from '../../../src/ml/candidates';
import type { SeriesBatch } from '../../../src/core/types';
import type { Message } from '../../../src/core/messages';

const f64 = (...v: number[]): Float64Array => Float64Array.from(v);

describe('holdoutCheck', () => {
	it('pools the 50/50 mix’s MASE and WAPE against the statistical forecast’s over the series', () => {
		// series 1 (scale 1): statistical off by 2 each step, deep exact → mix off by 1
		// series 2 (scale 2): statistical exact, deep off by 4 → mix off by 2
		const series: HoldoutSeries[] = [
			{ stat: [12, 12], deep: [10, 10], actual: [10, 10], scale: 1 },
			{ stat: [20, 20], deep: [24, 24], actual: [20, 20], scale: 2 },
		];
		const c = holdoutCheck(series);
		// MASE: statistical 2/1 + 0/2 = 2, mix 1/1 + 2/2 = 2 → 1; WAPE: 4 vs 2 + 4 = 6 → 1.5
		expect(c.ratio).toBeCloseTo(1, 12);
		expect(c.wapeRatio).toBeCloseTo(1.5, 12);
		expect(c.n).toBe(2);
		expect(c.won).toBe(1);
		// both must be ≤ 1: the WAPE says no
		expect(c.pass).toBe(false);
		// a quarter weight on the deep model: MASE 1.5/1 + 1/2 = 2 → 1, WAPE (3 + 2) ÷ 4 = 1.25
		expect(holdoutCheck(series, 1, 0.25).wapeRatio).toBeCloseTo(1.25, 12);
		// without the second series the mix halves the error: kept
		const one = holdoutCheck(series.slice(0, 1));
		expect(one.ratio).toBeCloseTo(0.5, 12);
		expect(one.pass).toBe(true);
	});

	it('leaves out series without a deep forecast or with missing values; none left fails', () => {
		const c = holdoutCheck([
			{ stat: [1], deep: undefined, actual: [1], scale: 1 },
			{ stat: [1], deep: [NaN], actual: [1], scale: 1 },
		]);
		expect(c.n).toBe(0);
		expect(Number.isNaN(c.ratio)).toBe(true);
		expect(c.pass).toBe(false);
	});

	it('scale: mean absolute one-step change; tails: the last k periods of each series', () => {
		expect(holdoutScale([1, 3, 2, 2])).toBeCloseTo(1, 12);
		expect(Number.isNaN(holdoutScale([5]))).toBe(true);
		const batch: SeriesBatch = {
			ids: ['a', 'b'],
			indptr: Int32Array.from([0, 4, 6]),
			ds: new Float64Array(6),
			y: f64(1, 3, 2, 2, 7, 8),
		};
		const t = holdoutTails(batch, 2);
		expect(Array.from(t.a.actual)).toEqual([2, 2]);
		// the scale of the periods before the cut (1, 3): known at the cut
		expect(t.a.scale).toBeCloseTo(2, 12);
		// a series no longer than the cut has nothing before it: left out
		expect(t.b).toBeUndefined();
	});
});

describe('the shop-wide decision from the hold-out check', () => {
	// the shop-wide decision as deepDecision gives it: the check's verdict
	const decide = (series: readonly HoldoutSeries[], horizon: number) => {
		const check = holdoutCheck(series);
		return { check, horizon, keep: check.pass };
	};

	it('notes say when and why, in English and Chinese', () => {
		const r = { model: 'mix(ets,deep-mlp)', notes: [] as Message[] };
		const yes = decide([{ stat: [12], deep: [10], actual: [10], scale: 1 }], 12);
		const [n1] = deepNote(r, yes).notes;
		expect(n1).toEqual({
			code: 'models_note_deep_mixed',
			params: { h: 12, n: 1, mase: '−50.0', wape: '−50.0' },
		});
		expect(translate('en', n1.code, n1.params)).toMatch(/as if 12 periods ago, for 1 product,/);
		expect(translate('zh-CN', n1.code, n1.params)).toMatch(/12 期之前/);
		// kept: a series that did not get the mix says nothing
		expect(deepNote({ model: 'ets', notes: [] as Message[] }, yes).notes).toEqual([]);
		// statistical off by 1, the mix (12.5) by 2.5: 150 % worse
		const no = decide([{ stat: [11], deep: [14], actual: [10], scale: 1 }], 4);
		expect(deepNote({ model: 'ets', notes: [] as Message[] }, no).notes[0]).toEqual({
			code: 'models_note_deep_not_mixed',
			params: { h: 4, n: 1, mase: '+150.0', wape: '+150.0' },
		});
		// the check passed but the mix's own backtest said no (deepDecision's veto): its own note
		const veto = deepNote(
			{ model: 'ets', notes: [] as Message[] },
			{ ...yes, keep: false, mix: { ratio: 1.08, won: 3, n: 10 } },
		).notes[0];
		expect(veto).toEqual({
			code: 'models_note_deep_not_mixed_backtest',
			params: { h: 12, n: 1, mase: '−50.0', wape: '−50.0', backtest: '+8.0' },
		});
		expect(translate('en', veto.code, veto.params)).toMatch(
			/it was \+8\.0 % off the statistical choice/,
		);
		expect(translate('zh-CN', veto.code, veto.params)).toMatch(/\+8\.0 %（MASE）/);
		const none = decide([], 4);
		expect(deepNote({ model: 'ets', notes: [] as Message[] }, none).notes[0].code).toBe(
			'models_note_deep_unchecked',
		);
	});
});
