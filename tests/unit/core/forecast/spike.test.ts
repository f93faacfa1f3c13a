// A restock spike at the end of a series (a Yeezy at 35 a week sells 98 then 122) must not set the
// level: with the shop's spike curve (how much of earlier spikes lasted) the forecast returns to the
// usual level plus what such spikes kept (issue #11, launches and spikes).
import { describe, expect, it } from 'vitest';
import { forecastAuto } from '../../../../src/core/engine';
import {
	batchSpikeCurve,
	endSpike,
	learnSpikeCurve,
	SPIKE_MIN_EVENTS,
} from '../../../../src/core/forecast/spike';
import type { SeriesBatch } from '../../../../src/core/types';

const N = 40;
/** About 35 a week (a fixed wobble), with one-week restocks of 150 at `at` that are gone a week later. */
function sneaker(at: number[], k: number): number[] {
	return Array.from({ length: N }, (_, t) => (at.includes(t) ? 150 : 35 + ((t * 7 + k) % 5) - 2));
}

describe('spike curve', () => {
	it('finds a spike of one or two periods at the end, and learns how much of earlier ones lasted', () => {
		expect(endSpike([...sneaker([], 0).slice(0, 38), 110, 122])).toEqual({ start: 38, base: 35 });
		expect(endSpike([...sneaker([], 0).slice(0, 39), 122])?.start).toBe(39);
		expect(endSpike(sneaker([], 0))).toBeNull();
		const c = learnSpikeCurve(
			Array.from({ length: 6 }, (_, k) => sneaker([12 + k, 25], k)),
			6,
		)!;
		expect(c.events).toBe(12);
		// every earlier restock was gone the week after: nothing of the excess lasts
		expect(Math.max(...c.share)).toBeLessThan(0.05);
		expect(learnSpikeCurve([sneaker([12], 0)], 6)).toBeNull();
		expect(SPIKE_MIN_EVENTS).toBeGreaterThan(1);
	});

	it('keeps a restock at the end from setting the level of the forecast, with a note', () => {
		const others = Array.from({ length: 6 }, (_, k) => sneaker([12 + k, 25], k));
		const last = [...sneaker([20], 9).slice(0, 38), 98, 122];
		const all = [...others, last];
		const batch: SeriesBatch = {
			ids: all.map((_, i) => `s${i}`),
			indptr: Int32Array.from({ length: all.length + 1 }, (_, i) => i * N),
			ds: new Float64Array(all.length * N),
			y: Float64Array.from(all.flat()),
		};
		const spikeCurve = batchSpikeCurve(batch, 8)!;
		const y = Float64Array.from(last);
		const plain = forecastAuto(y, { horizon: 8, season: 52 });
		const r = forecastAuto(y, { horizon: 8, season: 52, spikeCurve });
		expect(r.notes.map((n) => n.code)).toContain('engine_note_end_spike');
		// the usual level is ~35: the spike-aware forecast is near it, the plain one well above
		expect(Math.abs(r.point[0] - 35)).toBeLessThan(10);
		expect(plain.point[0]).toBeGreaterThan(r.point[0] + 15);
		expect(r.intervals[0].upper[0]).toBeGreaterThanOrEqual(r.point[0]);
	});
});
