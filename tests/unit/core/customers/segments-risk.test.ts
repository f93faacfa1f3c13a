// RFM scores and segments, k-means, the isolation forest, order and review risk rules (known answers
// on tiny tables, planted anomalies found, deterministic with a seed).
import { describe, expect, it } from 'vitest';
import {
	cFactor,
	fitIsolationForest,
	robustZ,
} from '../../../../src/core/anomaly/isolation-forest';
import {
	orderAnomalies,
	returnRateRisk,
	sharedIdentities,
	smallOrderBursts,
	type RiskLines,
} from '../../../../src/core/anomaly/orders';
import {
	duplicateReviewTexts,
	fakeProbability,
	poissonLogTail,
	reviewBursts,
	trainNaiveBayes,
} from '../../../../src/core/anomaly/reviews';
import {
	kMeans,
	nameSegment,
	quintileScores,
	segmentCustomers,
} from '../../../../src/core/segments/rfm';
import { mulberry32 } from '../../../../src/core/stats';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);

describe('RFM', () => {
	it('scores quintiles 1–5 with ties sharing a score', () => {
		expect([...quintileScores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])]).toEqual([
			1, 1, 2, 2, 3, 3, 4, 4, 5, 5,
		]);
		expect([...quintileScores([7, 7, 7, 7])]).toEqual([3, 3, 3, 3]);
	});

	it('names segments by the RFM rules', () => {
		expect(nameSegment(5, 5, 5, 400)).toBe('champions');
		expect(nameSegment(1, 4, 3, 400)).toBe('at_risk');
		expect(nameSegment(5, 1, 1, 10)).toBe('new');
		expect(nameSegment(1, 1, 1, 400)).toBe('hibernating');
		expect(nameSegment(3, 2, 5, 400)).toBe('big_spenders');
	});

	it('computes recency, frequency, money and the trend per segment', () => {
		// Ten customers: c0 bought every week for a year (and lately), c9 once long ago.
		const customer: string[] = [];
		const order: string[] = [];
		const ds: number[] = [];
		const revenue: number[] = [];
		for (let c = 0; c < 10; c++)
			for (let k = 0; k < 10 - c; k++) {
				customer.push(`c${c}`);
				order.push(`c${c}-${k}`);
				ds.push(T0 + (360 - 30 * c - 7 * k) * DAY);
				revenue.push(10 * (10 - c));
			}
		const asOf = T0 + 365 * DAY;
		const rep = segmentCustomers({ customer, order, ds, revenue }, asOf);
		const c0 = rep.customers.find((c) => c.customerId === 'c0')!;
		expect(c0).toMatchObject({
			orders: 10,
			monetary: 1000,
			r: 5,
			f: 5,
			m: 5,
			segment: 'champions',
		});
		expect(c0.recencyDays).toBeCloseTo(5, 9);
		const c9 = rep.customers.find((c) => c.customerId === 'c9')!;
		expect(c9).toMatchObject({ orders: 1, r: 1, f: 1, m: 1 });
		const total = rep.segments.reduce((a, s) => a + s.customers, 0);
		expect(total).toBe(10);
		expect(rep.segments.reduce((a, s) => a + s.revenueShare, 0)).toBeCloseTo(1, 9);
	});

	it('k-means separates two clear groups, the same way for the same seed', () => {
		const rand = mulberry32(3);
		const x = Array.from({ length: 40 }, (_, i) =>
			Float64Array.of((i < 20 ? 0 : 10) + rand(), (i < 20 ? 0 : 10) + rand()),
		);
		const a = kMeans(x, 2, 7);
		expect(new Set(a.labels.slice(0, 20)).size).toBe(1);
		expect(new Set(a.labels.slice(20)).size).toBe(1);
		expect(a.labels[0]).not.toBe(a.labels[39]);
		expect(kMeans(x, 2, 7).labels).toEqual(a.labels);
	});
});

describe('isolation forest and robust z', () => {
	it('c(n) follows the paper', () => {
		expect(cFactor(2)).toBe(1);
		expect(cFactor(256)).toBeCloseTo(2 * (Math.log(255) + 0.5772156649) - (2 * 255) / 256, 12);
	});

	it('scores a planted outlier highest, deterministically', () => {
		const rand = mulberry32(9);
		const x = Array.from({ length: 500 }, () => Float64Array.of(rand(), rand(), rand()));
		x[123] = Float64Array.of(6, -5, 4);
		const f = fitIsolationForest(x, { seed: 1 });
		const scores = x.map((r) => f.score(r));
		const best = scores.indexOf(Math.max(...scores));
		expect(best).toBe(123);
		expect(scores[123]).toBeGreaterThan(0.6);
		expect(fitIsolationForest(x, { seed: 1 }).score(x[5])).toBe(scores[5]);
	});

	it('robust z ignores the outlier it measures', () => {
		const z = robustZ([10, 11, 9, 10, 12, 8, 10, 1000]);
		expect(z[7]).toBeGreaterThan(100);
		expect(Math.abs(z[0])).toBeLessThan(1);
	});
});

function shop(): RiskLines & { isReturn: Uint8Array } {
	const rand = mulberry32(5);
	const rows: { c: string; o: string; p: string; t: number; q: number; r: number; ret: number }[] =
		[];
	for (let i = 0; i < 400; i++) {
		const q = 1 + Math.floor(rand() * 6);
		rows.push({
			c: `c${i % 50}`,
			o: `o${i}`,
			p: `P${i % 17}`,
			t: T0 + i * 3 * 3_600_000 + 9 * 3_600_000,
			q,
			r: q * 5,
			ret: 0,
		});
	}
	// Planted: a 5,000-unit order; a burst of 6 tiny orders within 20 minutes; a serial returner.
	rows.push({ c: 'c7', o: 'BIG', p: 'P1', t: T0 + 10 * DAY, q: 5000, r: 25000, ret: 0 });
	for (let k = 0; k < 6; k++)
		rows.push({
			c: 'brush',
			o: `b${k}`,
			p: 'P2',
			t: T0 + 20 * DAY + k * 4 * 60_000,
			q: 1,
			r: 0.5,
			ret: 0,
		});
	for (let k = 0; k < 4; k++) {
		rows.push({ c: 'ret', o: `r${k}`, p: 'P3', t: T0 + (30 + k) * DAY, q: 2, r: 10, ret: 0 });
		rows.push({ c: 'ret', o: `R${k}`, p: 'P3', t: T0 + (31 + k) * DAY, q: -2, r: -10, ret: 1 });
	}
	return {
		customer: rows.map((x) => x.c),
		order: rows.map((x) => x.o),
		product: rows.map((x) => x.p),
		ds: Float64Array.from(rows, (x) => x.t),
		quantity: Float64Array.from(rows, (x) => x.q),
		revenue: Float64Array.from(rows, (x) => x.r),
		isReturn: Uint8Array.from(rows, (x) => x.ret),
	};
}

describe('order risk', () => {
	const l = shop();

	it('ranks the planted orders top and says the amount and units stand out', () => {
		const flags = orderAnomalies(l, { budget: 8 });
		// The 7 planted orders (the huge one and 6 tiny brushing orders) outrank all 400 normal ones.
		const top7 = flags
			.slice(0, 7)
			.map((f) => f.subject)
			.sort();
		expect(top7).toEqual(['BIG', 'b0', 'b1', 'b2', 'b3', 'b4', 'b5']);
		const big = flags.findIndex((f) => f.subject === 'BIG');
		const codes = flags[big].reasons.map((r) => r.code);
		expect(codes).toContain('risk_why_amount_high');
		expect(codes).toContain('risk_why_units_high');
		expect(flags[big].id).toBe('order_anomaly:BIG');
	});

	it('regular customers’ ordinary orders are not flagged for their loyalty (walk15)', () => {
		const rand = mulberry32(11);
		const rows: { c: string; o: string; t: number; q: number }[] = [];
		// 300 orders of one-off customers, 20 regulars with 10 orders each, 1–20 days apart, all of
		// ordinary size, and one huge order of a new customer
		for (let i = 0; i < 300; i++)
			rows.push({
				c: `once${i}`,
				o: `o${i}`,
				t: T0 + i * 8 * 3_600_000,
				q: 1 + Math.floor(rand() * 6),
			});
		for (let c = 0; c < 20; c++)
			for (let k = 0, day = c; k < 10; k++, day += 1 + Math.floor(rand() * 20))
				rows.push({
					c: `regular${c}`,
					o: `reg${c}-${k}`,
					t: T0 + day * DAY + 3_600_000,
					q: 1 + Math.floor(rand() * 6),
				});
		rows.push({ c: 'new', o: 'BIG', t: T0 + 30 * DAY, q: 5000 });
		const lines: RiskLines = {
			customer: rows.map((x) => x.c),
			order: rows.map((x) => x.o),
			product: rows.map(() => 'P1'),
			ds: Float64Array.from(rows, (x) => x.t),
			quantity: Float64Array.from(rows, (x) => x.q),
			revenue: Float64Array.from(rows, (x) => x.q * 5),
		};
		const flags = orderAnomalies(lines, { budget: 10 });
		expect(flags[0].subject).toBe('BIG');
		// "already had 9 orders (usual 0)" and "2 days after the last one (usual 365)" are loyalty, not risk
		for (const f of flags)
			expect(f.reasons.map((r) => r.code)).not.toContain('risk_why_prior_orders_high');
		for (const f of flags)
			for (const r of f.reasons)
				if (r.code === 'risk_why_gap_days_low') expect(Number(r.params!.typical)).toBeLessThan(30);
	});

	it('says the days since the last order in whole days (walk16: “340.88 days”)', () => {
		const rand = mulberry32(16);
		const rows: { c: string; o: string; t: number }[] = [];
		for (let i = 0; i < 200; i++)
			rows.push({ c: `once${i}`, o: `o${i}`, t: T0 + i * 7 * 3_600_000 });
		// regulars back every 2–6 days at any hour, and one customer back after 340.88 days
		for (let c = 0; c < 30; c++)
			for (let k = 0, t = T0 + c * DAY; k < 8; k++, t += (2 + rand() * 4) * DAY)
				rows.push({ c: `regular${c}`, o: `reg${c}-${k}`, t });
		rows.push({ c: 'late', o: 'L1', t: T0 }, { c: 'late', o: 'L2', t: T0 + 340.88 * DAY });
		const lines: RiskLines = {
			customer: rows.map((x) => x.c),
			order: rows.map((x) => x.o),
			product: rows.map(() => 'P1'),
			ds: Float64Array.from(rows, (x) => x.t),
			quantity: Float64Array.from(rows, () => 1),
			revenue: Float64Array.from(rows, () => 5),
		};
		const late = orderAnomalies(lines, { budget: 20 }).find((f) => f.subject === 'L2');
		const gap = late?.reasons.find((r) => r.code === 'risk_why_gap_days_high');
		expect(gap?.params).toMatchObject({ value: 341 });
		expect(Number.isInteger(gap?.params?.typical)).toBe(true);
	});

	it('names the rare country or channel an order came from', () => {
		// every order from the United Kingdom but the planted big one, from Bahrain
		const store = l.order.map((o) => (o === 'BIG' ? 'Bahrain' : 'United Kingdom'));
		const flags = orderAnomalies({ ...l, store }, { budget: 8 });
		const big = flags.find((f) => f.subject === 'BIG')!;
		const rare = big.reasons.find((r) => r.code.startsWith('risk_why_store_rarity'));
		expect(rare).toMatchObject({
			code: 'risk_why_store_rarity_named',
			params: { store: 'Bahrain' },
		});
		expect(Number(rare!.params!.value)).toBeLessThan(1);
	});

	it('finds the burst of small orders and the serial returner', () => {
		const bursts = smallOrderBursts(l);
		expect(bursts).toHaveLength(1);
		expect(bursts[0]).toMatchObject({ customer: 'brush', kind: 'small_order_burst' });
		expect(bursts[0].reasons[0]).toMatchObject({
			code: 'risk_why_small_order_burst',
			params: { n: 6 },
		});
		const ret = returnRateRisk(l);
		expect(ret.map((f) => f.subject)).toEqual(['ret']);
		expect(ret[0].reasons[0].params).toMatchObject({ pct: 100, n: 4 });
	});

	it('flags one address shared by three accounts', () => {
		const f = sharedIdentities(
			['a', 'b', 'c', 'd'],
			['1 High St', '1 high st ', '1 High St', '9 Low Rd'],
			[1, 2, 3, 4],
		);
		expect(f).toHaveLength(1);
		expect(f[0].reasons[0]).toEqual({ code: 'risk_why_shared_identity', params: { n: 3 } });
	});
});

describe('review risk', () => {
	it('computes the Poisson tail', () => {
		expect(Math.exp(poissonLogTail(5, 0.5))).toBeCloseTo(0.00017211562995578245, 14);
		expect(poissonLogTail(0, 3)).toBe(0);
	});

	it('flags a burst of reviews on one product (双十一) but not a steady stream', () => {
		const product: string[] = [];
		const ds: number[] = [];
		for (let d = 0; d < 60; d++) {
			product.push('steady', 'steady');
			ds.push(T0 + d * DAY, T0 + d * DAY + 1000);
			if (d % 10 === 0) {
				product.push('quiet');
				ds.push(T0 + d * DAY);
			}
		}
		for (let k = 0; k < 25; k++) {
			product.push('quiet');
			ds.push(T0 + 45 * DAY + k * 1000);
		}
		const flags = reviewBursts(product, ds);
		expect(flags.map((f) => f.subject)).toEqual(['quiet']);
		expect(flags[0].reasons[0].params).toMatchObject({ n: 25 });
	});

	it('naive Bayes learns the words of the fake class; duplicate texts across products are flagged', () => {
		const texts = [
			'amazing best hotel ever luxury',
			'best stay amazing luxury',
			'room was small but clean',
			'clean room quiet street',
			'amazing luxury best',
			'quiet clean small room',
		];
		const fake = [true, true, false, false, true, false];
		const m = trainNaiveBayes(texts, fake, 1);
		expect(fakeProbability(m, 'amazing luxury')).toBeGreaterThan(0.8);
		expect(fakeProbability(m, 'clean quiet room')).toBeLessThan(0.2);
		const dup = duplicateReviewTexts(
			['a', 'b', 'c', 'd'],
			[
				'质量很好，非常满意，推荐购买！',
				'质量很好 非常满意 推荐购买',
				'质量很好非常满意推荐购买',
				'ok',
			],
			[1, 2, 3, 4],
		);
		expect(dup).toHaveLength(1);
		expect(dup[0].reasons[0]).toEqual({ code: 'risk_why_duplicate_review', params: { n: 3 } });
	});
});
