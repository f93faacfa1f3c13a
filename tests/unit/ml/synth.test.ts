// The synthetic weekly pretraining corpus (tests/bench/synth.ts): seeded and deterministic, and
// retail-like (counts, Monday weeks, a Q4 peak, launches with zeros before them, slow sellers).
import { describe, expect, it } from 'vitest';
import { synthMonthly, synthWeekly } from '../../bench/synth';

const WEEK_MS = 7 * 86_400_000;

describe('synthetic weekly series', () => {
	it('gives the same series for the same seed, other series for another seed', () => {
		const a = synthWeekly({ n: 60, seed: 3 });
		const b = synthWeekly({ n: 60, seed: 3 });
		expect(Array.from(a.indptr)).toEqual(Array.from(b.indptr));
		expect(Array.from(a.y)).toEqual(Array.from(b.y));
		expect(Array.from(a.ds)).toEqual(Array.from(b.ds));
		expect(a.ids).toEqual(b.ids);
		const c = synthWeekly({ n: 60, seed: 4 });
		expect(Array.from(c.y)).not.toEqual(Array.from(a.y));
		// a series does not depend on how many others are drawn
		const short = synthWeekly({ n: 10, seed: 3 });
		expect(Array.from(short.y)).toEqual(Array.from(a.y.subarray(0, a.indptr[10])));
	});

	it('draws non-negative whole weekly counts on Mondays, of the asked lengths', () => {
		const b = synthWeekly({ n: 200, seed: 1, minWeeks: 30, maxWeeks: 80 });
		expect(b.ids).toHaveLength(200);
		const bad: string[] = [];
		for (let i = 0; i < 200; i++) {
			const len = b.indptr[i + 1] - b.indptr[i];
			if (len < 30 || len > 80) bad.push(`${i}: ${len} weeks`);
			for (let t = b.indptr[i]; t < b.indptr[i + 1]; t++) {
				if (!Number.isInteger(b.y[t]) || b.y[t] < 0) bad.push(`${i}/${t}: y ${b.y[t]}`);
				if (new Date(b.ds[t]).getUTCDay() !== 1) bad.push(`${i}/${t}: not a Monday`);
				if (t > b.indptr[i] && b.ds[t] - b.ds[t - 1] !== WEEK_MS) bad.push(`${i}/${t}: step`);
			}
		}
		expect(bad).toEqual([]);
	});

	it('looks like a shop: a Q4 peak on average, launches after zeros, slow sellers with zero weeks', () => {
		const b = synthWeekly({ n: 400, seed: 2 });
		let q4 = 0;
		let nq4 = 0;
		let rest = 0;
		let nRest = 0;
		let launched = 0;
		let intermittent = 0;
		for (let i = 0; i < b.ids.length; i++) {
			const y = b.y.subarray(b.indptr[i], b.indptr[i + 1]);
			const mean = y.reduce((a, v) => a + v, 0) / y.length;
			if (!(mean > 0)) continue;
			y.forEach((v, t) => {
				const month = new Date(b.ds[b.indptr[i] + t]).getUTCMonth();
				if (month >= 10) {
					q4 += v / mean;
					nq4++;
				} else {
					rest += v / mean;
					nRest++;
				}
			});
			if (y[0] === 0 && y[1] === 0 && y[2] === 0 && y.some((v) => v > 0)) launched++;
			const zeros = y.filter((v) => v === 0).length;
			if (zeros > y.length / 3 && mean < 2) intermittent++;
		}
		expect(q4 / nq4).toBeGreaterThan(1.2 * (rest / nRest));
		expect(launched).toBeGreaterThan(40);
		expect(intermittent).toBeGreaterThan(40);
	});
});

describe('synthetic monthly series', () => {
	it('is seeded, on month starts, whole non-negative counts, with a December peak and festival months', () => {
		const a = synthMonthly({ n: 400, seed: 5 });
		expect(Array.from(synthMonthly({ n: 400, seed: 5 }).y)).toEqual(Array.from(a.y));
		expect(Array.from(synthMonthly({ n: 400, seed: 6 }).y)).not.toEqual(Array.from(a.y));
		const bad: string[] = [];
		const byMonth = new Float64Array(12);
		const nMonth = new Float64Array(12);
		let launched = 0;
		for (let i = 0; i < a.ids.length; i++) {
			const y = a.y.subarray(a.indptr[i], a.indptr[i + 1]);
			const mean = y.reduce((s, v) => s + v, 0) / y.length;
			for (let t = a.indptr[i]; t < a.indptr[i + 1]; t++) {
				const d = new Date(a.ds[t]);
				if (d.getUTCDate() !== 1 || d.getUTCHours() !== 0) bad.push(`${i}/${t}: not a month start`);
				if (!Number.isInteger(a.y[t]) || a.y[t] < 0) bad.push(`${i}/${t}: y ${a.y[t]}`);
				if (t > a.indptr[i]) {
					const p = new Date(a.ds[t - 1]);
					if (
						(d.getUTCFullYear() - p.getUTCFullYear()) * 12 + d.getUTCMonth() - p.getUTCMonth() !==
						1
					)
						bad.push(`${i}/${t}: step`);
				}
				if (mean > 0) {
					byMonth[d.getUTCMonth()] += a.y[t] / mean;
					nMonth[d.getUTCMonth()]++;
				}
			}
			if (y[0] === 0 && y[1] === 0 && y.some((v) => v > 0)) launched++;
		}
		expect(bad).toEqual([]);
		const rel = Array.from(byMonth, (v, m) => v / nMonth[m]);
		const others = rel.filter((_, m) => m !== 11 && m !== 10 && m !== 5);
		const median = [...others].sort((x, y) => x - y)[Math.floor(others.length / 2)];
		// December peaks, November (11.11, Black Friday) and June (618) sell above a typical month
		expect(rel[11]).toBeGreaterThan(1.25 * median);
		expect(rel[10]).toBeGreaterThan(1.05 * median);
		expect(rel[5]).toBeGreaterThan(1.02 * median);
		expect(launched).toBeGreaterThan(30);
	});
});
