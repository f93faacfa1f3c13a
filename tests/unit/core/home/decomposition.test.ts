// The forecast decomposition in plain words (src/core/home/explain.ts): trend, season, holidays and
// festivals, promotions and market signals, each from the engine's own numbers, with known answers.
import { describe, expect, it } from 'vitest';
import { decompositionInWords, type DecompositionInput } from '../../../../src/core/home/explain';
import { en } from '../../../../src/lib/i18n/catalog/home';

/** A weekly history: trend from `a` to `b` over n periods, a season of length m with one peak. */
function input(over: Partial<DecompositionInput> = {}): DecompositionInput {
	const n = 20;
	const m = 4;
	const trend = Float64Array.from({ length: n }, (_, i) => 100 + (i * 20) / (n - 1));
	// the last full season: periods n-4..n-1 hold +30, -10, -10, -10 (mean 0)
	const seasonal = Float64Array.from({ length: n }, (_, i) => [30, -10, -10, -10][i % m]);
	return { trend, seasonal, season: m, point: new Float64Array(2).fill(120), ...over };
}

const codes = (i: DecompositionInput) => decompositionInWords(i).map((m) => m.code);

describe('decompositionInWords', () => {
	it('says the trend over the last 12 periods and the season of the forecast periods', () => {
		const out = decompositionInWords(input());
		// trend: 120 now vs 100 + 7·20/19 twelve periods earlier
		const from = 100 + (7 * 20) / 19;
		expect(out[0]).toEqual({
			code: 'home_decomp_trend_up',
			params: { n: 12, pct: Math.round((120 / from - 1) * 100) },
		});
		// forecast periods continue the season: +30 then -10 → mean +10 on a level of 120 = 8 %
		expect(out[1]).toEqual({
			code: 'home_decomp_season_up',
			params: { periods: 2, pct: 8, peak: 1 },
		});
		expect(out).toHaveLength(2);
	});

	it('says flat for a level that hardly moved and no season for m = 1', () => {
		const flat = input({ trend: new Float64Array(20).fill(50), season: 1 });
		expect(codes(flat)).toEqual(['home_decomp_trend_flat']);
		// a level that more than doubled is said as from → to
		const took = input({ trend: Float64Array.from({ length: 20 }, (_, i) => 1 + i * 2) });
		expect(decompositionInWords(took)[0]).toEqual({
			code: 'home_decomp_trend_from',
			params: { n: 12, from: 15, to: 39 },
		});
		const down = input({ trend: Float64Array.from({ length: 20 }, (_, i) => 200 - i * 5) });
		expect(codes(down)[0]).toBe('home_decomp_trend_down');
		// a season whose forecast periods average out (+30 -10 -10 -10) is "hardly changes"
		expect(codes(input({ point: new Float64Array(4) }))[1]).toBe('home_decomp_season_flat');
	});

	it('names holidays: those in the forecast first, unclear past ones left out', () => {
		const events = [
			{ key: 'black-friday', effect: 0.38, halfWidth: 0.12 },
			{ key: 'double11', effect: 0.05, halfWidth: 0.2 },
			{
				key: 'xmas',
				effect: -0.2,
				halfWidth: 0.05,
				names: ['Christmas Day', 'Christmas Day', '圣诞节'] as [string, string, string],
				ahead: [1],
			},
		];
		const out = decompositionInWords(input({ events }));
		const ev = out.filter((m) => m.code.startsWith('home_decomp_event'));
		expect(ev).toEqual([
			{
				code: 'home_decomp_event_down_ahead',
				params: {
					event: 'xmas',
					name_en: 'Christmas Day',
					name_zh: '圣诞节',
					pct: 20,
					range: 5,
					ahead: 2,
				},
			},
			{ code: 'home_decomp_event_up', params: { event: 'black-friday', pct: 38, range: 12 } },
		]);
		// an unclear effect is still said when the event falls in the forecast
		const coming = decompositionInWords(
			input({ events: [{ key: 'double11', effect: 0.05, halfWidth: 0.2, ahead: [0] }] }),
		);
		expect(coming.at(-1)?.code).toBe('home_decomp_event_unclear_ahead');
		// with its sign: a fall is not said as a rise (walk16: 调休上班日 -56% said as "56% ± 178%")
		const fall = decompositionInWords(
			input({ events: [{ key: 'workday', effect: -0.56, halfWidth: 1.78, ahead: [1] }] }),
		);
		expect(fall.at(-1)).toMatchObject({
			code: 'home_decomp_event_unclear_ahead',
			params: { pct: -56, range: 178, ahead: 2 },
		});
		expect(coming.at(-1)?.params).toMatchObject({ pct: 5 });
		const none = decompositionInWords(input({ events: [events[1]] }));
		expect(none.at(-1)).toEqual({ code: 'home_decomp_events_none', params: { n: 1 } });
	});

	it('lists no holiday as part of a forecast whose method does not use the calendar, and says so', () => {
		const events = [
			{ key: 'black-friday', effect: 0.38, halfWidth: 0.12 },
			{ key: 'xmas', effect: 0.5, halfWidth: 0.05, ahead: [1] },
		];
		const out = decompositionInWords(input({ events, calendarUnused: true }));
		const ev = out.filter((m) => m.code.startsWith('home_decomp_event'));
		expect(ev).toEqual([{ code: 'home_decomp_events_unused', params: { n: 2 } }]);
		// the same events with a method that uses the calendar: each is said
		expect(
			decompositionInWords(input({ events, calendarUnused: false }))
				.map((m) => m.code)
				.filter((c) => c.startsWith('home_decomp_event')),
		).toEqual(['home_decomp_event_up_ahead', 'home_decomp_event_up']);
	});

	it("says the imported promotions' uplift, weighted by promoted periods, and unclear when every range holds zero", () => {
		const u = (periods: number, relative: number, relLo: number, relHi: number) => ({
			row: 1,
			product: 'p',
			category: null,
			start: 0,
			end: 0,
			discount: null,
			periods,
			extra: 0,
			lo: 0,
			hi: 0,
			relative,
			relLo,
			relHi,
		});
		// (1 × 0.10 + 3 × 0.30) / 4 = 25 %; the second promotion's range is above zero
		const up = decompositionInWords(
			input({ promotions: [u(1, 0.1, -0.05, 0.25), u(3, 0.3, 0.1, 0.5)] }),
		);
		expect(up.at(-1)).toEqual({ code: 'home_decomp_promo_up', params: { pct: 25 } });
		const unclear = decompositionInWords(input({ promotions: [u(2, 0.2, -0.1, 0.5)] }));
		expect(unclear.at(-1)).toEqual({ code: 'home_decomp_promo_unclear' });
		const down = decompositionInWords(input({ promotions: [u(2, -0.4, -0.6, -0.2)] }));
		expect(down.at(-1)).toEqual({ code: 'home_decomp_promo_down', params: { pct: 40 } });
		// a fitted 'promo' driver speaks for the promotions: not said twice
		const both = codes(
			input({
				drivers: [{ name: 'promo', estimate: 22, stdError: 5 }],
				promotions: [u(3, 0.3, 0.1, 0.5)],
			}),
		);
		expect(both.filter((c) => c.startsWith('home_decomp_promo'))).toHaveLength(1);
		// none imported, or none that touched the history: nothing said
		expect(
			codes(input({ promotions: [u(0, NaN, NaN, NaN)] })).some((c) =>
				c.startsWith('home_decomp_promo'),
			),
		).toBe(false);
	});

	it('says a promotion effect relative to the mean level, and unclear when within 1.96 standard errors', () => {
		// mean trend = 110: +22 units per promotion week = +20 %
		const up = decompositionInWords(
			input({ drivers: [{ name: 'promo', estimate: 22, stdError: 5 }] }),
		);
		expect(up.at(-1)).toEqual({ code: 'home_decomp_promo_up', params: { pct: 20 } });
		const unclear = decompositionInWords(
			input({ drivers: [{ name: 'promo', estimate: 22, stdError: 20 }] }),
		);
		expect(unclear.at(-1)).toEqual({ code: 'home_decomp_promo_unclear' });
		// other drivers (price, calendar columns) are not promotions
		expect(
			codes(input({ drivers: [{ name: 'price', estimate: -3, stdError: 0.1 }] })),
		).toHaveLength(2);
	});

	it('says which market signal is used, or that none helped', () => {
		const signal = {
			kind: 'search',
			name: 'linen dress',
			lag: 3,
			maseWith: 0.812,
			maseWithout: 0.9,
		};
		expect(decompositionInWords(input({ signal, signalsTried: 2 })).at(-1)).toEqual({
			code: 'home_decomp_signal_used',
			params: {
				signal_kind: 'search',
				signal_name: 'linen dress',
				lag: 3,
				with: 0.81,
				without: 0.9,
			},
		});
		expect(decompositionInWords(input({ signalsTried: 2 })).at(-1)).toEqual({
			code: 'home_decomp_signal_none',
			params: { n: 2 },
		});
		expect(codes(input({ signalsTried: 0 }))).toHaveLength(2);
	});

	it('has words for every code it can say', () => {
		const all = new Set<string>();
		const events = [
			{ key: 'a', effect: 0.5, halfWidth: 0.1 },
			{ key: 'b', effect: -0.5, halfWidth: 0.1 },
			{ key: 'c', effect: 0.5, halfWidth: 0.1, ahead: [0] },
			{ key: 'd', effect: -0.5, halfWidth: 0.1, ahead: [0] },
			{ key: 'e', effect: 0, halfWidth: 0.1, ahead: [0] },
		];
		for (const i of [
			input({ events: events.slice(0, 3) }),
			input({ events: events.slice(3) }),
			input({ events: [{ key: 'x', effect: 0, halfWidth: 1 }] }),
			input({ events: [{ key: 'x', effect: 0, halfWidth: 1 }], calendarUnused: true }),
			input({ drivers: [{ name: 'promo', estimate: -50, stdError: 1 }], signalsTried: 1 }),
		])
			for (const c of codes(i)) all.add(c);
		for (const c of all) expect(en, c).toHaveProperty(c);
		expect(all.size).toBeGreaterThanOrEqual(9);
	});
});
