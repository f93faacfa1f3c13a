// The plan worker, the forecast worker's hierarchy job and the market worker (batch and single-series
// fusion) read their sales straight
// from the data worker over a real MessageChannel (#10 item 2), as the forecast batch does: the UI
// thread posts only dataset ids and keys. Each answer equals the one from the series relayed by hand
// (query → core batch rules → the worker's batch entry point). Real DuckDB (Node), real Comlink
// channels; the UI's end of each worker channel counts the bytes it posts.
import 'fake-indexeddb/auto';
import * as Comlink from 'comlink';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareBatch, topSellers } from '../../../src/core/forecast/batch';
import type { DatasetMeta } from '../../../src/core/ingest/types';
import { seasonFor } from '../../../src/core/series/calendar';
import { installCodedErrorTransfer } from '../../../workers/data/coded-error';
import { seriesPortApi, type SeriesPortWorkerApi } from '../../../workers/data/series-port';
import { api as forecastApi, type ForecastWorkerApi } from '../../../workers/forecast-api';
import { runHierarchy } from '../../../workers/forecast/hierarchy';
import { fuseSignals } from '../../../workers/data/fusion';
import { api as marketApi, type MarketWorkerApi } from '../../../workers/market-api';
import { planApi, type PlanBatchRequest, type PlanWorkerApi } from '../../../workers/plan-api';
import { toInput } from '../data/harness';
import { channel, counted, demoService, ep } from './channels';

installCodedErrorTransfer();

let ctx: Awaited<ReturnType<typeof demoService>>['ctx'];
let meta: DatasetMeta;
let data: Comlink.Remote<SeriesPortWorkerApi>;
let ids: string[];

/** A consumer worker's API on a channel (UI end counted), linked to the data worker. */
async function consumer<T extends { connectData(p: globalThis.MessagePort): void }>(
	api: T,
	tally: { bytes: number },
): Promise<Comlink.Remote<T>> {
	const w = channel();
	Comlink.expose(api, ep(w.port1));
	const remote = Comlink.wrap<T>(counted(w.port2, tally));
	const { port1, port2 } = channel();
	await data.connectSeriesPort(Comlink.transfer(port1, [port1]) as never);
	await (remote as Comlink.Remote<{ connectData(p: globalThis.MessagePort): void }>).connectData(
		Comlink.transfer(port2, [port2]) as never,
	);
	tally.bytes = 0;
	return remote;
}

beforeAll(async () => {
	({ ctx, meta } = await demoService());
	const d = channel();
	Comlink.expose(
		seriesPortApi(async () => ctx.service),
		ep(d.port1),
	);
	data = Comlink.wrap<SeriesPortWorkerApi>(ep(d.port2));
	ids = topSellers(await ctx.service.productSummary(meta.id), 8);
}, 120_000);

/** What the UI thread used to do: read the weekly units and apply the batch rules itself. */
async function relayedWeekly(productIds: string[] | null, withPrice = false) {
	const raw = await ctx.service.querySeries(meta.id, {
		productIds,
		freq: 'week',
		measure: 'units',
		...(withPrice ? { withPrice } : {}),
	});
	return prepareBatch(raw, 'week', 0).batch;
}

const planInputs = {
	prices: {} as Record<string, number>,
	stock: [],
	history: [],
	defaults: { leadTimeMeanDays: 14, leadTimeSdDays: 3, moq: 0, pack: 1 },
	settings: {
		reviewDays: 7,
		service: { kind: 'fill' as const, level: 0.95 },
		overstockDays: 60,
	},
	models: 'quick' as const,
};

describe('consumers of the series port', { timeout: 60_000 }, () => {
	it('plan worker: the same plan as from the relayed batch, only ids through the UI thread', async () => {
		const tally = { bytes: 0 };
		const plan = await consumer<PlanWorkerApi>(planApi, tally);
		const sales = { datasetId: meta.id, productIds: ids, version: 1 };
		const direct = await plan.plan({ ...planInputs, sales }, 'p1');
		const planBytes = tally.bytes;
		const relayed: PlanBatchRequest = {
			...planInputs,
			cacheKey: 'relay',
			batch: await relayedWeekly(ids),
		};
		const byHand = await planApi.planBatch(relayed, 'p2');
		expect(direct.rows.map((r) => r.productId)).toEqual(byHand.rows.map((r) => r.productId));
		expect(direct.rows.map((r) => [r.orderQty, r.reorderPoint, r.model])).toEqual(
			byHand.rows.map((r) => [r.orderQty, r.reorderPoint, r.model]),
		);
		expect(planBytes).toBeLessThan(2_500);
		// the worker ranks the alerts (rows with one, most money at stake first); state only looks them up
		expect(direct.alerts).toEqual(byHand.alerts);
		const ranked = direct.alerts.map((i) => direct.rows[i]);
		expect(ranked.length).toBeGreaterThan(0);
		expect(ranked.length).toBe(direct.rows.filter((r) => r.alert).length);
		const atStake = ranked.map((r) => r.revenueAtRisk + r.overstockValue);
		expect(atStake).toEqual([...atStake].sort((a, b) => b - a));

		// a what-if reads its one product (with its price) over the link too
		tally.bytes = 0;
		const row = direct.rows[0];
		const w = await plan.whatIf(
			{
				sales,
				productId: row.productId,
				stock: {
					productId: row.productId,
					onHand: 0,
					onOrder: 0,
					leadTimeMeanDays: 14,
					leadTimeSdDays: 3,
					moq: 0,
					pack: 1,
				},
				settings: planInputs.settings,
				price: row.price || 1,
				discount: 0.2,
				promoFromWeek: 0,
				promoToWeek: 1,
				horizon: 4,
				models: 'quick',
			},
			'w1',
		);
		expect(w.productId).toBe(row.productId);
		expect(w.base.units).toHaveLength(4);
		expect(tally.bytes).toBeLessThan(1_500);
	});

	it('plan worker: a what-if on a product that stopped selling orders nothing, as the plan (plan9)', async () => {
		const plan = await consumer<PlanWorkerApi>(planApi, { bytes: 0 });
		// a shop file of 30 weeks: STOP sold 6–14 a week for 20 weeks, then nothing; GO sells throughout
		const lines = ['Date,SKU,Qty,Price'];
		for (let w = 0; w < 30; w++) {
			const day = new Date(Date.UTC(2024, 0, 1 + 7 * w)).toISOString().slice(0, 10);
			if (w < 20) lines.push(`${day},STOP,${6 + ((w * 5) % 9)},2.5`);
			lines.push(`${day},GO,${10 + (w % 4)},3`);
		}
		const pv = await ctx.service.previewFile(
			toInput('stopped.csv', new TextEncoder().encode(lines.join('\n') + '\n')),
		);
		const shop = await ctx.service.commitImport(pv.importId, {
			mapping: pv.mapping,
			dateOrder: pv.dateOrder,
			datasetName: 'stopped',
		});
		const quiet = { productId: 'STOP' };
		const sales = { datasetId: shop.id, productIds: [quiet.productId], version: 1 };
		const stock = {
			productId: quiet.productId,
			onHand: 0,
			onOrder: 0,
			leadTimeMeanDays: 14,
			leadTimeSdDays: 3,
			moq: 300,
			pack: 1,
		};
		const w = await plan.whatIf(
			{
				sales,
				productId: quiet.productId,
				stock,
				settings: planInputs.settings,
				price: 1,
				discount: 0.2,
				promoFromWeek: 0,
				promoToWeek: 1,
				horizon: 4,
				models: 'quick',
			},
			'w-stopped',
		);
		// no order, and the MOQ does not turn a tiny need into 300
		expect(w.base.orderQty).toBe(0);
		expect(w.scenario.orderQty).toBe(0);
		const p = await plan.plan(
			{ ...planInputs, sales, stock: [stock], defaults: { ...planInputs.defaults, moq: 300 } },
			'p-stopped',
		);
		expect(p.rows.find((r) => r.productId === quiet.productId)?.orderQty).toBe(0);
		expect(w.base.reorderPoint).toBeCloseTo(p.rows[0].reorderPoint, 6);
	});

	it('forecast worker: the hierarchy read over the link, season and future dates from core', async () => {
		const tally = { bytes: 0 };
		const forecast = await consumer<ForecastWorkerApi>(forecastApi, tally);
		const options = { horizon: 3, models: ['naive'], levels: [0.8] };
		const { info, result } = await forecast.forecastHierarchy(
			{ datasetId: meta.id, freq: 'week', measure: 'units' },
			options,
			'h1',
		);
		expect(tally.bytes).toBeLessThan(1_000);
		expect(info.categorySource).toBe('description');
		expect(result).not.toBeNull();
		// the worker asks for 3 × its 40 products (the product level), then caps them
		const cells = await ctx.service.hierarchySeries(meta.id, {
			freq: 'week',
			measure: 'units',
			products: 120,
		});
		expect(cells.cells.some((c) => c.product !== undefined)).toBe(true);
		const byHand = await runHierarchy(
			{ batch: cells.batch, cells: cells.cells },
			{ ...options, season: seasonFor('week') },
			new AbortController().signal,
		);
		expect(result!.nodes.map((n) => n.key)).toEqual(byHand.nodes.map((n) => n.key));
		// the product level, capped in the worker
		expect(result!.nodes.some((n) => n.level === 'product')).toBe(true);
		expect(result!.products!.kept).toBeGreaterThan(0);
		// "the other N" counts every other product: those the cap pooled and those the read pooled
		expect(cells.otherProducts).toBeGreaterThan(0);
		expect(result!.products!.kept + result!.products!.pooled).toBe(
			result!.products!.candidates + cells.otherProducts!,
		);
		expect(result!.products!.kept + result!.products!.pooled).toBeLessThanOrEqual(
			meta.productCount,
		);
		expect(result!.point.map((p) => Array.from(p))).toEqual(byHand.point.map((p) => Array.from(p)));
		const last = byHand.ds[byHand.ds.length - 1];
		expect(Array.from(result!.future)).toEqual([1, 2, 3].map((k) => last + k * 7 * 86_400_000));
	});

	it('market worker: batch fusion reads the products’ trimmed weekly units itself', async () => {
		const tally = { bytes: 0 };
		const market = await consumer<MarketWorkerApi>(marketApi, tally);
		const keys = {
			datasetId: meta.id,
			productIds: ids,
			freq: 'week' as const,
			measure: 'units' as const,
		};
		const report = await market.fuseBatch(keys, 4);
		expect(tally.bytes).toBeLessThan(1_500);
		const batch = await relayedWeekly(ids);
		expect(report.series.map((s) => s.seriesId)).toEqual([...batch.ids]);
		// the shop's own launches are chosen and read in the worker (no signal files: nothing to learn)
		await market.useShopSales(meta.id);
		expect(tally.bytes).toBeLessThan(3_000);
	});

	it('market worker: one series’ fusion reads its trimmed weekly series by keys', async () => {
		const tally = { bytes: 0 };
		const market = await consumer<MarketWorkerApi>(marketApi, tally);
		// a Google Trends export (Sunday weeks) covering the demo's weeks: one search-term candidate
		const DAY = 86_400_000;
		const first = Date.UTC(2010, 10, 21); // a Sunday
		const rows = Array.from({ length: 14 }, (_x, k) => {
			const day = new Date(first + k * 7 * DAY).toISOString().slice(0, 10);
			return `${day},${20 + ((k * 7) % 11)}`;
		});
		const text = `Category: All categories\n\nWeek,gift: (Worldwide)\n${rows.join('\n')}\n`;
		const bytes = new TextEncoder().encode(text).buffer as ArrayBuffer;
		const set = await market.importSignals(Comlink.transfer({ name: 'gift.csv', bytes }, [bytes]));
		try {
			// the signal as the worker keys it: Monday week starts
			const weekly = new Map(
				rows.map((r, k) => [first + k * 7 * DAY + DAY, Number(r.split(',')[1])]),
			);
			const signal = { kind: 'search' as const, name: 'gift', weekly, zeroFill: false };
			for (const productIds of [null, [ids[0]]]) {
				tally.bytes = 0;
				const keys = {
					datasetId: meta.id,
					productIds,
					freq: 'week' as const,
					measure: 'units' as const,
				};
				const report = await market.fuseSeries(keys, 2);
				expect(tally.bytes).toBeLessThan(1_000);
				const batch = await relayedWeekly(productIds);
				const raw = await ctx.service.querySeries(meta.id, {
					productIds,
					freq: 'week',
					measure: 'units',
				});
				const n = batch.indptr[1];
				// the partial first and last weeks are left out, as for the forecast on screen
				expect(n).toBeLessThan(raw.indptr[1]);
				expect(report.candidates).toHaveLength(1);
				expect(report.candidates[0]).toMatchObject({ kind: 'search', name: 'gift', weeks: n });
				const byHand = fuseSignals(
					Array.from(batch.ds.subarray(0, n)),
					Array.from(batch.y.subarray(0, n)),
					[signal],
					2,
				);
				expect(report).toEqual(byHand);
			}
		} finally {
			await market.deleteSignals(set.id);
		}
	});
});
