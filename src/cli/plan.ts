/// <reference types="node" />
// Command-line reorder plan: reads a sales export the way the app's importer does (automatic column
// mapping, cleaning, cancellations; workers/data-service.ts on DuckDB in Node), keeps the sales up to
// --as-of, forecasts each product's weekly demand as the app's Plan screen does (the plan worker's
// core steps, src/core/inventory/plan-batch.ts: Monday weeks complete by --as-of, the series from the
// first sale, stock-outs censored, the Forecast screen's options with one-off bulk orders set aside)
// and writes per product the demand over lead time + review period and the reorder levels:
//   npm run plan -- --input <transactions export> --as-of YYYY-MM-DD --lead-time-days L
//                   --review-days R --service-level S --output plan.csv
//                   [--stock <stock file>] [--lead-time-sd-days D (default 3, as the Plan screen)]
//                   [--service-type fill|cycle]
//                   [--method auto|quick] (default: auto up to 300 products)
// Output columns: product_id,mean_demand,safety_stock,reorder_point,order_up_to (units; demand over
// L + R days), one row per product with sales up to --as-of. A stock file (schemas/stock.ts) gives
// per-product lead times and, with a date column, a stock history: weeks with nothing on hand are left
// out of the demand history (censored demand). Bad input stops with a message naming the file, row and
// column, exit code 1; progress goes to stderr.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { forecastAuto } from '../core/engine';
import { toCsv } from '../core/ingest/csv';
import { parseDate } from '../core/ingest/parse';
import type { StockParseResult } from '../core/ingest/schemas/stock';
import { prepareBatch } from '../core/forecast/batch';
import {
	DEFAULT_LEAD_TIME_SD_DAYS,
	DEFAULT_PLAN_SETTINGS,
	DEFAULT_SALVAGE_SHARE,
	QUICK_MODELS,
	typicalPrices,
} from '../core/inventory/plan';
import {
	batchUntil,
	historyByProduct,
	planFromForecast,
	planJob,
	planSettingsAt,
	stockItemOf,
} from '../core/inventory/plan-batch';
import { planEngine, PLAN_USES_FORECAST_OPTIONS } from '../core/inventory/plan-engine';
import type { ServiceTarget } from '../core/inventory/policy';
import { parseServiceLevel } from '../core/inventory/service-level';
import { DAY_MS, typicalStep } from '../core/series/calendar';
import { translate } from '../lib/i18n/translate';
import { nodeDataService } from './node-data';
import { describeIssue } from './node-import';
import { checkOutput, writeOutput } from './args';
import { readStockFile } from '../../workers/data/stock';

/** A usage or input error, printed without a stack trace. */
class CliError extends Error {
	override name = 'CliError';
}

export interface PlanArgs {
	input: string;
	asOf: number;
	leadTimeDays: number;
	leadTimeSdDays: number;
	reviewDays: number;
	service: ServiceTarget;
	output?: string;
	stock?: string;
	/** Forecast candidates; null = auto up to AUTO_MAX_PRODUCTS products, else quick. */
	method: 'auto' | 'quick' | null;
}

/** Above this many products the quick candidate set is used unless --method says otherwise. */
export const AUTO_MAX_PRODUCTS = 300;

const USAGE =
	'Usage: npm run plan -- --input <sales export> --as-of YYYY-MM-DD --lead-time-days <L> ' +
	'--review-days <R> --service-level <S> [--output plan.csv]\n' +
	'  [--stock <stock file>] [--lead-time-sd-days <D>] [--service-type fill|cycle] [--method auto|quick] (default: auto up to 300 products)\n' +
	'S is a share from 0.5 to 0.9999 (0.95) or a percentage from 50 to 99.99 (95); anything else is refused.\n' +
	`D (lead time spread, days) defaults to ${DEFAULT_LEAD_TIME_SD_DAYS}, as on the Plan screen; 0 = the lead time is exact.\n` +
	'fill = share of units served from stock (default);\n' +
	'cycle = chance of no stock-out between two deliveries.\n' +
	"Same plan as the app's Plan screen for the same file and settings (weeks Mon-Sun, a week not complete by --as-of left out),\n" +
	'except that each product is planned alone: no style pooling, budget or market signals (the app plans with no holiday calendar either).';

const OPTIONS = [
	'input',
	'as-of',
	'lead-time-days',
	'review-days',
	'service-level',
	'output',
	'stock',
	'lead-time-sd-days',
	'service-type',
	'method',
];

function num(map: Map<string, string>, key: string, min: number, required: boolean): number {
	const raw = map.get(key);
	if (raw === undefined) {
		if (required) throw new CliError(`--${key} is required.\n${USAGE}`);
		return NaN;
	}
	const v = Number(raw);
	if (!Number.isFinite(v) || v < min)
		throw new CliError(`--${key} must be a number ≥ ${min} (got "${raw}").`);
	return v;
}

export function parsePlanArgs(argv: string[]): PlanArgs {
	const map = new Map<string, string>();
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (!a.startsWith('--')) throw new CliError(`Unexpected argument "${a}".\n${USAGE}`);
		const [k, inline] = a.slice(2).split('=', 2);
		const v = inline ?? argv[++i];
		if (v === undefined) throw new CliError(`--${k} needs a value.\n${USAGE}`);
		if (!OPTIONS.includes(k)) throw new CliError(`Unknown option --${k}.\n${USAGE}`);
		map.set(k, v);
	}
	const input = map.get('input');
	if (!input) throw new CliError(`--input is required.\n${USAGE}`);
	const asOfRaw = map.get('as-of');
	if (!asOfRaw) throw new CliError(`--as-of is required.\n${USAGE}`);
	const asOf = /^\d{4}-\d{2}-\d{2}$/.test(asOfRaw) ? parseDate(asOfRaw, 'ymd') : null;
	if (asOf === null) throw new CliError(`--as-of must be a date YYYY-MM-DD (got "${asOfRaw}").`);
	const levelRaw = map.get('service-level');
	if (levelRaw === undefined) throw new CliError(`--service-level is required.\n${USAGE}`);
	const level = parseServiceLevel(levelRaw);
	if (level === null)
		throw new CliError(
			`--service-level must be a share from 0.5 to 0.9999 (e.g. 0.95) or a percentage from 50 to 99.99 (e.g. 95); got "${levelRaw}".`,
		);
	const kind = map.get('service-type') ?? 'fill';
	if (kind !== 'fill' && kind !== 'cycle')
		throw new CliError(`--service-type must be fill or cycle (got "${kind}").`);
	const method = map.get('method') ?? null;
	if (method !== null && method !== 'auto' && method !== 'quick')
		throw new CliError(`--method must be auto or quick (got "${method}").`);
	const sd = num(map, 'lead-time-sd-days', 0, false);
	// the Plan screen's default (state/plan.svelte.ts DEFAULT_PLAN_UI)
	return {
		input,
		asOf,
		leadTimeDays: num(map, 'lead-time-days', 0, true),
		leadTimeSdDays: Number.isFinite(sd) ? sd : DEFAULT_LEAD_TIME_SD_DAYS,
		reviewDays: num(map, 'review-days', 0, true),
		service: { kind, level },
		output: map.get('output'),
		stock: map.get('stock'),
		method,
	};
}

/** One output row. */
export interface PlanRow {
	productId: string;
	meanDemand: number;
	safetyStock: number;
	reorderPoint: number;
	orderUpTo: number;
	/**
	 * The app's suggested order for the stock file's on hand + on order, MOQ and pack (none: 0 on
	 * hand, no MOQ, packs of 1). Not an output column; the parity test compares it with the app's.
	 */
	orderQty: number;
}

function readBytes(path: string, what: string): ArrayBuffer {
	try {
		const b = readFileSync(path);
		return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
	} catch (e) {
		throw new CliError(`Cannot read the ${what} ${path}: ${(e as Error).message}`);
	}
}

/** Computes the plan rows (used by main and the tests). */
export async function runPlan(
	args: PlanArgs,
	log: (line: string) => void = (l) => process.stderr.write(l + '\n'),
): Promise<PlanRow[]> {
	const name = basename(args.input);
	const bytes = readBytes(args.input, 'sales file');
	const stockBytes = args.stock ? readBytes(args.stock, 'stock file') : null;
	const service = await nodeDataService();
	const preview = await service.previewFile({ name, bytes });
	// in words (an issue's `message` is only its code and params); the blocking one is the error line
	for (const i of preview.issues) if (i.severity === 'warning') log(`warning: ${describeIssue(i)}`);
	const fatal = preview.issues.find((i) => i.severity === 'error');
	if (fatal) throw new CliError(describeIssue(fatal));
	if (!preview.mapping.date)
		throw new CliError(`${preview.fileName}: no column looks like a sale date.`);
	log(
		`columns: ${Object.entries(preview.mapping)
			.map(([role, col]) => `${role}="${col}"`)
			.join(', ')}`,
	);
	const meta = await service.commitImport(preview.importId, {
		mapping: preview.mapping,
		dateOrder: preview.dateOrder,
		datasetName: name,
	});
	for (const i of meta.report.issues)
		if (i.severity === 'error') log(`warning: ${describeIssue(i)}`);

	let stock: StockParseResult | null = null;
	if (args.stock && stockBytes) {
		stock = await readStockFile(service, { name: basename(args.stock), bytes: stockBytes });
		for (const i of stock.issues)
			log(`${i.severity}: ${translate('en', i.message.code, i.message.params)}`);
		const bad = stock.issues.find((i) => i.severity === 'error');
		if (bad) throw new CliError(translate('en', bad.message.code, bad.message.params));
	}

	const asOfEnd = args.asOf + DAY_MS; // sales on the as-of day count
	const summary = await service.productSummary(meta.id);
	const products = summary.filter((p) => p.firstSale < asOfEnd);
	if (products.length === 0)
		throw new CliError(
			`${preview.fileName}: no sales on or before ${new Date(args.asOf).toISOString().slice(0, 10)} ` +
				`(the file has sales from ${new Date(meta.dateMin).toISOString().slice(0, 10)} to ` +
				`${new Date(meta.dateMax).toISOString().slice(0, 10)}).`,
		);
	const ids = products.map((p) => p.productId);
	const method = args.method ?? (ids.length > AUTO_MAX_PRODUCTS ? 'quick' : 'auto');
	log(
		`${ids.length} products; ${method === 'quick' ? `quick forecasts (${QUICK_MODELS.join(', ')})` : 'automatic model choice'}`,
	);
	// the weekly sales as the plan worker reads them (Monday weeks, with the categories' and the shop's
	// sales a short product borrows its season from), as if the file ended on the as-of day
	const raw = await service.querySeries(meta.id, {
		productIds: ids,
		freq: 'week',
		measure: 'units',
		withCategory: PLAN_USES_FORECAST_OPTIONS,
	});
	let upTo = raw;
	if (asOfEnd <= meta.dateMax) {
		const days = await saleDaysUntil(service, meta.id, asOfEnd);
		if (days.length > 0) upTo = batchUntil(raw, days[days.length - 1], typicalStep(days), 'week');
	}
	const prepared = prepareBatch(upTo, 'week', 0);
	const batch = prepared.batch;
	if (prepared.leftOut.droppedLast !== null)
		log(
			`the week from ${new Date(prepared.leftOut.droppedLast).toISOString().slice(0, 10)} is not complete by ` +
				`the as-of day: left out, as the app leaves out a partly covered last week.`,
		);
	const engine = planEngine(batch, method);
	const settings = planSettingsAt(batch, {
		reviewDays: args.reviewDays,
		service: args.service,
		overstockDays: DEFAULT_PLAN_SETTINGS.overstockDays,
		salvageShare: DEFAULT_SALVAGE_SHARE,
	});
	const defaults = {
		leadTimeMeanDays: args.leadTimeDays,
		leadTimeSdDays: args.leadTimeSdDays,
		moq: 0,
		pack: 1,
	};
	const prices = typicalPrices(summary);
	const stockBy = new Map(stock?.rows.map((r) => [r.productId, r]) ?? []);
	const historyBy = historyByProduct(stock?.history ?? []);

	const out: PlanRow[] = [];
	const t0 = Date.now();
	let lastLog = 0;
	let censoredWeeks = 0;
	for (let i = 0; i < batch.ids.length; i++) {
		const id = batch.ids[i];
		const item = stockItemOf(id, stockBy.get(id), defaults, prices[id] ?? 0);
		const job = planJob(batch, i, engine, item, settings, method, historyBy.get(id));
		censoredWeeks += job.censored;
		const r = forecastAuto(job.y, job.options);
		const { plan } = planFromForecast(r, job.y, job.trailing, item, settings);
		out.push({
			productId: id,
			meanDemand: plan.meanDemand,
			safetyStock: plan.safetyStock,
			reorderPoint: plan.reorderPoint,
			orderUpTo: plan.orderUpTo,
			orderQty: plan.orderQty,
		});
		const now = Date.now();
		if (now - lastLog > 2000 || i + 1 === batch.ids.length) {
			lastLog = now;
			log(`plan: ${i + 1}/${batch.ids.length} products (${((now - t0) / 1000).toFixed(1)} s)`);
		}
	}
	if (censoredWeeks > 0)
		log(`${censoredWeeks} out-of-stock week(s) were left out of the demand history.`);
	return out;
}

/** The days before `end` (UTC ms) with sales in the dataset (the shop's daily total). */
async function saleDaysUntil(
	service: Awaited<ReturnType<typeof nodeDataService>>,
	datasetId: string,
	end: number,
): Promise<number[]> {
	const total = await service.querySeries(datasetId, {
		productIds: null,
		freq: 'day',
		measure: 'units',
	});
	const days: number[] = [];
	for (let k = 0; k < total.ds.length; k++)
		if (total.ds[k] < end && total.y[k] !== 0) days.push(total.ds[k]);
	return days;
}

/** The output CSV (the issue's columns, units rounded to 2 decimals). */
export function planCsv(rows: PlanRow[]): string {
	const r2 = (v: number) => Math.round(v * 100) / 100;
	return toCsv([
		['product_id', 'mean_demand', 'safety_stock', 'reorder_point', 'order_up_to'],
		...rows.map((r) => [
			r.productId,
			r2(r.meanDemand),
			r2(r.safetyStock),
			r2(r.reorderPoint),
			r2(r.orderUpTo),
		]),
	]);
}

async function main(): Promise<void> {
	const args = parsePlanArgs(process.argv.slice(2));
	checkOutput(args.output); // a missing folder is said now, not after every product's forecast
	const rows = await runPlan(args);
	const csv = planCsv(rows);
	if (args.output) writeOutput(args.output, csv);
	else process.stdout.write(csv);
}

// Run only as a script (tests import the functions): tsx on plan.ts, or the tests' bundle plan.mjs.
if (process.argv[1] && /plan\.(ts|mjs)$/.test(process.argv[1]))
	main().catch((e: unknown) => {
		const err = e as Error;
		process.stderr.write(
			`error: ${err.name === 'CliError' || err.name === 'RangeError' ? err.message : (err.stack ?? err.message)}\n`,
		);
		process.exitCode = 1;
	});
