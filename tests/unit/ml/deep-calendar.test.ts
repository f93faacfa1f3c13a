// The deep models' calendar, price and signal inputs (issue #13): the holiday feature follows the
// shop's own calendar (a CN shop's 双十一 and make-up working days, a UK shop's Boxing Day, the shop's
// edits) instead of the fixed list; the price feature is relative to the lookback's mean price, with
// the known or last price ahead, and the targets scale back exactly; a market signal is lagged one
// week so no window reads a week after its origin; the train service saves the calendar with the
// model (a reload forecasts the same) and the signal as an input it then needs.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SeriesBatch } from '../../../src/core/types';
import { openTrendcastDb } from '../../../src/lib/db/db';
import type { DeepModelRow } from '../../../src/lib/db/models';
import {
	BASE_FEATURES,
	DEEP_SHOP_INPUTS,
	N_FEATURES,
	calendarFeatures,
	fillWindow,
	inverseScale,
	makeWindows,
	otherRegressorIndex,
	signalRegressorIndex,
	type DeepCalendar,
	type WindowConfig,
} from '../../../src/ml/features';
import type { WeeklySignal } from '../../../workers/data/fusion';
import { createTrainService } from '../../../workers/train/service';
import { withSignals } from '../../../workers/train/inputs';
import { START, smallRequest, trainDeps, useWasm, weeklyBatch } from './fixtures';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
const day = (iso: string): number => Date.parse(iso + 'T00:00:00Z');
const CN: DeepCalendar = { country: 'CN' };
const GB: DeepCalendar = { country: 'GB' };

/** One daily series from `from` for `len` days (values 10 + t % 3). */
function dailyBatch(from: string, len: number): SeriesBatch {
	const ds = Float64Array.from({ length: len }, (_, t) => day(from) + t * DAY_MS);
	const y = Float64Array.from({ length: len }, (_, t) => 10 + (t % 3));
	return { ids: ['a'], indptr: Int32Array.from([0, len]), ds, y };
}

/** Feature `f` of every period of series 0's window ending at `end`. */
function channel(batch: SeriesBatch, cfg: WindowConfig, end: number, f: number): number[] {
	const T = cfg.lookback + cfg.horizon;
	const F = cfg.features ?? N_FEATURES;
	const out = new Float32Array(T * F);
	fillWindow(out, 0, batch, 0, end, cfg, 1);
	return Array.from({ length: T }, (_, r) => out[r * F + f]);
}

describe("the shop's calendar in the deep features", () => {
	it("marks a CN shop's 双十一 and make-up working days, a UK shop's Boxing Day", () => {
		expect(calendarFeatures(day('2024-11-11'), 'day', CN)).toEqual([1, 0]);
		expect(calendarFeatures(day('2024-10-01'), 'day', CN)).toEqual([1, 0]); // National Day
		// 2024-02-04, a Sunday worked before the Spring Festival: a working day, no holiday
		expect(calendarFeatures(day('2024-02-04'), 'day', CN)).toEqual([0, 1]);
		expect(calendarFeatures(day('2024-12-26'), 'day', CN)).toEqual([0, 0]);
		expect(calendarFeatures(day('2024-12-26'), 'day', GB)).toEqual([1, 0]);
		expect(calendarFeatures(day('2024-05-27'), 'day', GB)).toEqual([1, 0]); // spring bank holiday
		expect(calendarFeatures(day('2024-11-11'), 'day', GB)).toEqual([0, 0]);
		expect(calendarFeatures(day('2024-02-04'), 'day', GB)).toEqual([0, 0]);
		// without a calendar: the fixed shopping days (11.11 for every shop, no bank holidays)
		expect(calendarFeatures(day('2024-11-11'), 'day', undefined)).toEqual([1, 0]);
		expect(calendarFeatures(day('2024-05-27'), 'day', undefined)).toEqual([0, 0]);
	});

	it("follows the shop's edits and counts make-up working days per week", () => {
		const edited: DeepCalendar = {
			country: 'CN',
			edits: {
				remove: [{ key: 'double11' }],
				add: [{ key: 'shop-anniversary', date: '2024-03-15' }],
			},
		};
		expect(calendarFeatures(day('2024-11-11'), 'day', edited)).toEqual([0, 0]);
		expect(calendarFeatures(day('2024-03-15'), 'day', edited)).toEqual([1, 0]);
		expect(calendarFeatures(day('2024-03-15'), 'day', CN)).toEqual([0, 0]);
		// the week of Monday 29 Jan 2024 holds one make-up working day (Sunday 4 Feb)
		const [, work] = calendarFeatures(day('2024-01-29'), 'week', CN);
		expect(work).toBeCloseTo(1 / 7, 6);
		expect(calendarFeatures(day('2024-12-23'), 'week', GB)[0]).toBe(1);
	});

	it('reaches the windows: the same days read differently for a CN and a UK shop', () => {
		const batch = dailyBatch('2024-10-01', 60); // 1 Oct … 29 Nov 2024
		const cfg: WindowConfig = { lookback: 14, horizon: 7, freq: 'day', features: N_FEATURES };
		// the window whose lookback ends on 12 Nov: 11 Nov is its second-last past day
		const end = 43;
		const at = (iso: string) => (day(iso) - day('2024-10-01')) / DAY_MS - (end - 14);
		const cn = channel(batch, { ...cfg, calendar: CN }, end, 6);
		const gb = channel(batch, { ...cfg, calendar: GB }, end, 6);
		expect(cn[at('2024-11-11')]).toBe(1);
		expect(gb[at('2024-11-11')]).toBe(0);
		// a make-up working day in the lookback: 12 Oct 2024 (Saturday after National Day)
		const early = channel(batch, { ...cfg, calendar: CN }, 20, 12);
		expect(early[(day('2024-10-12') - day('2024-10-01')) / DAY_MS - (20 - 14)]).toBe(1);
		expect(channel(batch, { ...cfg, calendar: GB }, 20, 12).every((v) => v === 0)).toBe(true);
		// Boxing Day ahead of a UK series ending on 20 Dec (the future periods carry the calendar)
		const dec = dailyBatch('2024-11-01', 50); // … 20 Dec
		const ahead = channel(dec, { ...cfg, calendar: GB }, 50, 6).slice(14);
		expect(ahead[(day('2024-12-26') - day('2024-12-21')) / DAY_MS]).toBe(1);
		expect(
			channel(dec, { ...cfg, calendar: CN }, 50, 6)
				.slice(14)
				.every((v) => v === 0),
		).toBe(true);
	});
});

describe('the price input', () => {
	it('is the price relative to the lookback mean, the known price ahead, else the last one', () => {
		const batch = weeklyBatch(1, 20, true);
		const price = batch.regressors!.values[0];
		for (let t = 0; t < 20; t++) price[t] = t < 16 ? 10 : 12; // a rise in the last 4 weeks
		const cfg: WindowConfig = { lookback: 8, horizon: 4, freq: 'week' };
		const mean = (4 * 10 + 4 * 12) / 8;
		const f = channel(batch, cfg, 20, 7);
		expect(f[0]).toBeCloseTo(10 / mean - 1, 6);
		expect(f[7]).toBeCloseTo(12 / mean - 1, 6);
		// no future rows: the last price held
		for (let r = 8; r < 12; r++) expect(f[r]).toBeCloseTo(12 / mean - 1, 6);
		// a known future price (the CLI's future rows, regressorsAhead) is read as given
		batch.regressorsAhead = { horizon: 4, values: [Float64Array.from([9, 9, 12, 30])] };
		const g = channel(batch, cfg, 20, 7);
		expect(g[8]).toBeCloseTo(9 / mean - 1, 6);
		expect(g[10]).toBeCloseTo(12 / mean - 1, 6);
		expect(g[11]).toBe(1); // clipped at ±1
		// another series at a hundred times the price reads the same feature (scaled per series)
		for (let t = 0; t < 20; t++) price[t] *= 100;
		batch.regressorsAhead = undefined;
		expect(channel(batch, cfg, 20, 7)[0]).toBeCloseTo(10 / mean - 1, 6);
	});

	it('scales targets per window and inverseScale gives the sales back', () => {
		const batch = weeklyBatch(3, 40, true);
		const cfg: WindowConfig = { lookback: 8, horizon: 4, freq: 'week' };
		const { train } = makeWindows(batch, cfg, { maxWindows: 50 });
		expect(train.n).toBeGreaterThan(10);
		const back = inverseScale(Float32Array.from(train.y), train, 4);
		// every recovered target is one of the series' own values (to float precision)
		const all = new Set(Array.from(batch.y, (v) => Math.round(v * 1000)));
		for (const v of back) expect(all.has(Math.round(v * 1000))).toBe(true);
		expect(Array.from(train.scale).every((s) => s > 0)).toBe(true);
	});
});

describe('the market signal input', () => {
	const batch = weeklyBatch(2, 30);
	const names = { p0: 'p0 red summer dress', p1: 'p1 leather shoes' };
	const weekly = (f: (w: number) => number): Map<number, number> =>
		new Map(Array.from({ length: 40 }, (_, k) => [START + k * WEEK_MS, f(k)]));
	const signal = (f: (w: number) => number): WeeklySignal => ({
		kind: 'search',
		name: 'dress',
		weekly: weekly(f),
		zeroFill: false,
	});

	it('is read by feature 13 only; a further CLI column is the signal feature there', () => {
		// the app's market signal never goes to feature 8 (read there, its future would be the lagged
		// values after the origin)
		expect(otherRegressorIndex(['price', 'market-signal'])).toBe(-1);
		expect(signalRegressorIndex(['price', 'market-signal', 'promotion'])).toBe(1);
		// Walmart's columns: the markdown is the promotion input, the holiday flag the signal input
		expect(otherRegressorIndex(['Holiday_Flag', 'MarkDown1'])).toBe(1);
		expect(signalRegressorIndex(['Holiday_Flag', 'MarkDown1'])).toBe(0);
		expect(signalRegressorIndex(['price', 'promo'])).toBe(-1);
	});

	it('goes to the products it matches, lagged one week, with the last known week ahead', () => {
		const out = withSignals(batch, [signal((k) => k + 1)], names, 'week', 4);
		const k = out.regressors!.names.indexOf('market-signal');
		expect(k).toBeGreaterThanOrEqual(0);
		const v = out.regressors!.values[k];
		expect(Number.isNaN(v[0])).toBe(true); // week 0 has no week before it
		for (let t = 1; t < 30; t++) expect(v[t]).toBe(t); // week t reads the signal of week t − 1
		expect(v.subarray(30, 60).every(Number.isNaN)).toBe(true); // p1 ('shoes') matches nothing
		// ahead: the next week reads the last sales week's signal (week 29 → 30)
		expect(out.regressorsAhead!.values[k][0]).toBe(30);
		expect(Number.isNaN(out.regressorsAhead!.values[k][1])).toBe(true);
		// monthly data and no match leave the batch as it was
		expect(withSignals(batch, [signal((k) => k)], names, 'month', 4)).toBe(batch);
		expect(withSignals(batch, [{ ...signal((k) => k), name: 'boots' }], names, 'week', 4)).toBe(
			batch,
		);
	});

	it('no window reads a signal week after its origin', () => {
		const cfg: WindowConfig = { lookback: 8, horizon: 4, freq: 'week' };
		const end = 20; // the window's lookback ends with week 19; week 19's signal is known
		const base = withSignals(batch, [signal((k) => 5 + (k % 4))], names, 'week', 4);
		// the same signal with every week from 20 on changed wildly
		const later = withSignals(
			batch,
			[signal((k) => (k >= end ? 1000 * k : 5 + (k % 4)))],
			names,
			'week',
			4,
		);
		const a = channel(base, cfg, end, 13);
		const b = channel(later, cfg, end, 13);
		expect(b).toEqual(a);
		expect(a.some((x) => x !== 0)).toBe(true);
		// the lookback reads the lagged values ÷ the largest before the origin (8)
		expect(a[7]).toBeCloseTo((5 + (18 % 4)) / 8, 6);
		// the future holds the value known at the origin (week 19's), in training as in forecasting
		for (let r = 8; r < 12; r++) expect(a[r]).toBeCloseTo((5 + (19 % 4)) / 8, 6);
		// a change before the origin does change the window
		const earlier = withSignals(
			batch,
			[signal((k) => (k === 15 ? 100 : 5 + (k % 4)))],
			names,
			'week',
			4,
		);
		expect(channel(earlier, cfg, end, 13)).not.toEqual(a);
	});
});

describe('train service with the shop calendar and a signal', { timeout: 90_000 }, () => {
	const db = openTrendcastDb();
	let signals: WeeklySignal[] = [];
	const deps = trainDeps(db, {
		signals: async () => ({ signals, names: { p0: 'p0 red dress', p1: 'p1 dress', p2: 'p2' } }),
	});
	const req = { ...smallRequest('cal-ds'), epochs: 1 };
	const batch = weeklyBatch(3, 60, true);

	beforeAll(async () => {
		await useWasm();
	});

	it('saves the calendar and the signal with the model; a reload forecasts the same', async () => {
		signals = [
			{
				kind: 'search',
				name: 'dress',
				weekly: new Map(Array.from({ length: 62 }, (_, k) => [START + k * WEEK_MS, 50 + k])),
				zeroFill: false,
			},
		];
		const calendar: DeepCalendar = {
			country: 'CN',
			edits: { add: [{ key: 'shop-day', date: '2021-06-01' }] },
		};
		const service = createTrainService(deps);
		const r = await service.train(
			{ ...req, jobId: 'cal-a', calendar, features: N_FEATURES },
			batch,
		);
		const row = (await db.models.get(r.modelId)) as DeepModelRow;
		expect(row.calendar).toEqual(calendar);
		expect(row.features).toBe(N_FEATURES);
		expect(row.inputs).toEqual(['price', 'market-signal']);
		const first = await service.forecast(r.modelId, batch);
		// another service on the same database (a reload) forecasts the same numbers
		const again = await createTrainService(deps).forecast(r.modelId, batch);
		expect(Array.from(again.point)).toEqual(Array.from(first.point));
		expect(first.point.every(Number.isFinite)).toBe(true);
		// without the signal the model refuses (it was trained with it)
		signals = [];
		await expect(service.forecast(r.modelId, batch)).rejects.toMatchObject({
			code: 'models_error_signals_missing',
		});
	});

	it('a model trained without a calendar keeps the fixed holidays', async () => {
		signals = [];
		const service = createTrainService(deps);
		const r = await service.train({ ...req, jobId: 'cal-b' }, batch);
		const row = (await db.models.get(r.modelId)) as DeepModelRow;
		expect(row.calendar).toBeUndefined();
		// the shop inputs are off by default (DEEP_SHOP_INPUTS; DEEP.md "deepcal"): main's 12 features
		expect(row.features).toBe(DEEP_SHOP_INPUTS ? N_FEATURES : BASE_FEATURES);
		expect(row.inputs).toEqual(['price']);
	});
});
