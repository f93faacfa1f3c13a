// The plan CLI gives the app's plan (issues #11/#14): the CLI's runPlan and the plan worker (planApi.plan,
// reading its weekly sales from the data service over a real MessageChannel, as in the app) on the same
// real file — 20 UCI Online Retail products, all their lines (cancellations included), 2010-12-01 …
// 2011-09-11 — with the same stock file (on hand, on order, lead times, MOQ, packs, a dated stock-out)
// and settings give the same levels and the same order quantity per product. Also with --as-of inside
// the file, against the app on the file's lines up to that day.
import { gunzipSync } from 'node:zlib';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePlanArgs, runPlan, type PlanRow } from '../../../src/cli/plan';
import { DEFAULT_PLAN_UI } from '../../../src/state/plan.svelte';
import { nodeDataService } from '../../../src/cli/node-data';
import { typicalPrices } from '../../../src/core/inventory/plan';
import { orderQuantity } from '../../../src/core/inventory/policy';
import { productsToPlan } from '../../../src/state/plan-helpers';
import { seriesPortApi, type SeriesPortWorkerApi } from '../../../workers/data/series-port';
import { readStockFile } from '../../../workers/data/stock';
import { planApi, type PlanResponse } from '../../../workers/plan-api';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const DATA = join(ROOT, '../shared/data/online_retail');
const dir = mkdtempSync(join(tmpdir(), 'trendcast-plan-parity-'));
const ports: MessagePort[] = [];
afterAll(() => {
	for (const p of ports.splice(0)) p.close();
});

/** Every 10th product of the shared top-200 list. */
const IDS = readFileSync(join(DATA, 'weekly_top200_products.csv'), 'utf8')
	.trim()
	.split('\n')
	.slice(1)
	.map((l) => l.split(',')[0])
	.filter((_, i) => i % 10 === 0);

/** All lines of IDS (the export's own rows), optionally only those dated on or before `until`. */
function slice(name: string, until?: string): string {
	const lines = gunzipSync(readFileSync(join(DATA, 'transactions_2010-12-01_to_2011-09-11.csv.gz')))
		.toString('utf8')
		.split('\n');
	const keep = new Set(IDS);
	const out = [lines[0]];
	for (const l of lines.slice(1)) {
		if (!keep.has(l.split(',', 2)[1] ?? '')) continue;
		const day = /,(\d{4}-\d{2}-\d{2}) \d{2}:\d{2}:\d{2},/.exec(l)?.[1];
		if (until && !(day && day <= until)) continue;
		out.push(l);
	}
	const p = join(dir, name);
	writeFileSync(p, out.join('\n') + '\n');
	return p;
}

/**
 * Stock: on hand, on order, lead times, MOQ and packs for some products; product 0 had nothing on hand
 * on 2011-05-04 and has nothing on 2011-09-10 (its latest count): both weeks are left out of its demand.
 */
function stockFile(): string {
	const lines = ['sku,on hand,on order,lead time,moq,pack,date'];
	IDS.slice(0, 8).forEach((id, k) => {
		if (k === 0) lines.push(`${id},0,,21,,,2011-05-04`);
		lines.push(
			`${id},${[0, 5, 40, 0, 300, 12, 0, 80][k]},${[0, 0, 24, 0, 0, 0, 10, 0][k]},` +
				`${[21, 14, 28, 7, 14, 14, 35, 14][k]},${[0, 50, 0, 100, 0, 0, 0, 0][k]},` +
				`${[1, 1, 6, 1, 1, 24, 12, 1][k]},2011-09-10`,
		);
	});
	const p = join(dir, 'stock.csv');
	writeFileSync(p, lines.join('\n') + '\n');
	return p;
}

const LEAD = 14;
const REVIEW = 7;

/** The CLI's plan: runPlan with the same settings the app gets below. */
async function cliPlan(file: string, asOf: string, stock: string): Promise<PlanRow[]> {
	const args = parsePlanArgs([
		'--input',
		file,
		'--as-of',
		asOf,
		'--lead-time-days',
		String(LEAD),
		'--review-days',
		String(REVIEW),
		'--service-level',
		'95',
		'--method',
		'quick',
		'--stock',
		stock,
	]);
	return runPlan(args, () => {});
}

/** The app's plan: the file imported by the data service, the plan worker reading it over a port. */
async function appPlan(file: string, stock: string, version: number): Promise<PlanResponse> {
	const service = await nodeDataService();
	const bytes = (p: string) => {
		const b = readFileSync(p);
		return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
	};
	const preview = await service.previewFile({ name: 'sales.csv', bytes: bytes(file) });
	const meta = await service.commitImport(preview.importId, {
		mapping: preview.mapping,
		dateOrder: preview.dateOrder,
		datasetName: 'sales.csv',
	});
	const st = await readStockFile(service, { name: 'stock.csv', bytes: bytes(stock) });
	expect(st.issues.filter((i) => i.severity === 'error')).toEqual([]);
	const summary = await service.productSummary(meta.id);
	// the plan worker's port to the data worker (series-port.ts), as plan.worker.ts gets it
	const d = new MessageChannel();
	const c = new MessageChannel();
	ports.push(d.port1, d.port2, c.port1, c.port2);
	Comlink.expose(
		seriesPortApi(async () => service),
		d.port1 as unknown as Comlink.Endpoint,
	);
	const data = Comlink.wrap<SeriesPortWorkerApi>(d.port2 as unknown as Comlink.Endpoint);
	await data.connectSeriesPort(Comlink.transfer(c.port1, [c.port1 as never]) as never);
	planApi.connectData(c.port2 as never);
	return planApi.plan(
		{
			// the Plan screen's product choice (top N by revenue and the stock file's): all of them here
			sales: {
				datasetId: meta.id,
				productIds: productsToPlan(summary, st.rows, 1000),
				version,
			},
			prices: typicalPrices(summary),
			stock: st.rows,
			history: st.history,
			// the Plan screen's default lead-time spread; the CLI is given no --lead-time-sd-days
			defaults: {
				leadTimeMeanDays: LEAD,
				leadTimeSdDays: DEFAULT_PLAN_UI.leadTimeSdDays,
				moq: 0,
				pack: 1,
			},
			settings: {
				reviewDays: REVIEW,
				service: { kind: 'fill', level: 0.95 },
				overstockDays: 120,
				salvageShare: 0.3,
			},
			models: 'quick',
		},
		`parity${version}`,
	);
}

/** Both plans side by side: the same products, levels and orders. */
function expectSame(cli: PlanRow[], app: PlanResponse, stockPath: string): void {
	const stock = new Map(
		readFileSync(stockPath, 'utf8')
			.trim()
			.split('\n')
			.slice(1)
			.map((l) => l.split(','))
			.map((f) => [f[0], f]),
	);
	const appBy = new Map(app.rows.map((r) => [r.productId, r]));
	expect(cli.map((r) => r.productId).sort()).toEqual([...appBy.keys()].sort());
	const r6 = (v: number) => Math.round(v * 1e6) / 1e6;
	for (const c of cli) {
		const a = appBy.get(c.productId)!;
		const f = stock.get(c.productId);
		// the order the CLI's levels give for the stock file's position, MOQ and pack (the app's rule)
		const order = orderQuantity(
			Number(f?.[1] || 0) + Number(f?.[2] || 0),
			c.reorderPoint,
			c.orderUpTo,
			{ moq: Number(f?.[4] || 0), pack: Number(f?.[5] || 1) },
		);
		expect({ id: c.productId, order }).toEqual({ id: c.productId, order: a.orderQty });
		expect([c.meanDemand, c.safetyStock, c.reorderPoint, c.orderUpTo].map(r6)).toEqual(
			[a.meanDemand, a.safetyStock, a.reorderPoint, a.orderUpTo].map(r6),
		);
		expect(c.orderQty).toBe(a.orderQty);
	}
}

describe('plan CLI = the app’s plan', { timeout: 600_000 }, () => {
	const stock = stockFile();

	it('same file and settings: the same order quantity and levels per product', async () => {
		const file = slice('sales.csv');
		const cli = await cliPlan(file, '2011-09-11', stock);
		const app = await appPlan(file, stock, 1);
		expect(cli).toHaveLength(IDS.length);
		expectSame(cli, app, stock);
		// the check has teeth: orders to place, MOQ/pack rounding, a censored stock-out week
		expect(app.rows.filter((r) => r.orderQty > 0).length).toBeGreaterThan(3);
		expect(app.rows.find((r) => r.productId === IDS[5])!.orderQty % 24).toBe(0);
		// 2011-05-04's week and the last one (nothing on hand on 2011-09-10: the forecast covers it too)
		expect(app.rows.find((r) => r.productId === IDS[0])!.censoredWeeks).toBe(2);
	});

	it('--as-of inside the file: the app’s plan of the file’s lines up to that day', async () => {
		// a Wednesday: its week is not complete, so both leave it out
		const cli = await cliPlan(slice('sales.csv'), '2011-06-15', stock);
		const app = await appPlan(slice('upto.csv', '2011-06-15'), stock, 2);
		expectSame(cli, app, stock);
	});
});
