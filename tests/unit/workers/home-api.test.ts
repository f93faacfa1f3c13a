// The home worker API over a real MessageChannel with Comlink: the dashboard from weekly sales (movers,
// the accuracy checks with the real engine), then again with the plan's rows and risk flags added.
import { afterEach, describe, expect, it } from 'vitest';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter';
import { homeApi, HOME_HORIZON, type HomeWorkerApi } from '../../../workers/home-api';
import type { SeriesBatch } from '../../../src/core/types';
import { msg } from '../../../src/core/messages';

const ports: MessagePort[] = [];
afterEach(() => {
	for (const p of ports.splice(0)) p.close();
});

function connect(): Comlink.Remote<HomeWorkerApi> {
	const { port1, port2 } = new MessageChannel();
	ports.push(port1, port2);
	Comlink.expose(homeApi, nodeEndpoint(port1));
	return Comlink.wrap<HomeWorkerApi>(nodeEndpoint(port2));
}

const WEEK = 7 * 86_400_000;
function batchOf(series: Record<string, (t: number) => number>, len: number): SeriesBatch {
	const ids = Object.keys(series);
	const indptr = new Int32Array(ids.length + 1);
	const y = new Float64Array(ids.length * len);
	const ds = new Float64Array(ids.length * len);
	ids.forEach((id, i) => {
		indptr[i + 1] = (i + 1) * len;
		for (let t = 0; t < len; t++) {
			y[i * len + t] = series[id](t);
			ds[i * len + t] = Date.UTC(2024, 0, 1) + t * WEEK;
		}
	});
	return { ids, indptr, ds, y };
}

describe('home worker API', () => {
	it('builds the dashboard, then adds the plan and the flags', async () => {
		const len = 40;
		const products = batchOf(
			{
				steady: () => 30,
				growing: (t) => (t < len - 4 ? 10 : 40),
				fading: (t) => (t < len - 4 ? 50 : 10),
			},
			len,
		);
		const total = batchOf({ __total__: () => 100 }, len);
		const remote = connect();
		const req = { cacheKey: 'ds1|40', products, total, titles: { growing: 'Linen shirt' } };
		const d = await remote.dashboard(req);
		expect(d.rising.map((l) => [l.subject, l.title, l.link])).toEqual([
			['growing', 'Linen shirt', { view: 'forecast', productId: 'growing' }],
		]);
		expect(d.falling.map((l) => l.subject)).toEqual(['fading']);
		// a constant total is forecast exactly by the engine
		expect(d.accuracy?.horizon).toBe(HOME_HORIZON);
		expect(d.accuracy?.typical).toBeLessThan(1e-6);
		expect(d.accuracy?.lines[0]).toEqual(msg('home_accuracy_usual', { pct: 0, h: 4, n: 6 }));
		expect(d.reorders).toEqual([]);

		const order = msg('plan_alert_order', { qty: 12 });
		const d2 = await remote.dashboard({
			...req,
			plan: {
				hasStock: true,
				rows: [
					{
						productId: 'growing',
						orderQty: 12,
						revenueAtRisk: 40,
						overstockValue: 0,
						daysOfCover: 2,
						leadTimeMeanDays: 14,
						meanDemand: 40,
						onHand: 3,
						alert: order,
					},
				],
			},
			flags: [
				{ id: 'a', kind: 'order_anomaly', subject: '1001', score: 0.8, reasons: [msg('risk_z')] },
			],
		});
		expect(d2.reorders.map((l) => [l.subject, l.reason])).toEqual([['growing', order]]);
		expect(d2.alerts.map((l) => [l.kind, l.subject, l.link.view])).toEqual([
			['stockout', 'growing', 'plan'],
			['unusual_order', '1001', 'customers'],
		]);
		expect(d2.accuracy).toEqual(d.accuracy);
	});
});
