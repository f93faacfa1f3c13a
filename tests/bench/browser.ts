// Browser bench (part of npm run bench): runs the BUILT app's real workers in Debian's Chromium and
// puts them side by side with Node in the same script. (a) forecast worker series/s for the auto
// selection and the baseline (snaive+ets) vs forecastAuto called directly in Node, on the online-retail
// top-200 weekly train windows and a subset of M4 Weekly; (b) the demo import (data worker loadDemo)
// vs the same file through the data service in Node (tests/bench/import.ts --case). Worker JS heap is
// sampled over CDP (Runtime.getHeapUsage sent to the worker target); (c) customers (issue #15): on the
// demo, the data worker's customerInsights (segments, recommender choice by time-split backtest, risk
// flags) and "for this customer" lists, customers/s, vs the same createCustomerJobs code over the same
// data service in Node. Expects dist/ (runs `vite build` when missing), serves it with `vite preview`.
// Writes tests/bench/results/BROWSER.md (its customers section also into CUSTOMERS.md).
// Run: npx tsx tests/bench/browser.ts [--m4 N] [--retail N] [--only customers] [--sweep N].
// Not part of npm test; no assertions.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { forecastAuto } from '../../src/core/engine';
import type { AutoForecastOptions } from '../../src/core/engine-types';
import { createCustomerJobs, type CustomerInsights } from '../../workers/data/customers';
import { CHROMIUM_ARGS } from '../e2e/pages/browser';
import { DEMO_GZ, freshDb, makeService } from '../unit/data/harness';
import { startPreview } from './harness';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DATA = process.env.TRENDCAST_DATA ?? '/work/shared/data';
const DIST = join(ROOT, 'dist');
const MB = 1024 * 1024;
/** How often the worker's heap is read while a job runs. */
const SAMPLE_MS = 100;

interface BenchSeries {
	id: string;
	y: number[];
}
interface BenchData {
	key: string;
	title: string;
	h: number;
	m: number;
	series: BenchSeries[];
}
interface SideRun {
	seconds: number;
	seriesPerSec: number;
	/** Peak / starting JS heap in bytes (Node: used_heap_size after each series; worker: sampled). */
	peakHeap: number;
	startHeap: number;
	/** Point forecasts, to check that both sides computed the same thing. */
	points: number[][];
	models: string[];
}
interface CaseResult {
	name: string;
	n: number;
	node: SideRun;
	worker: SideRun;
	maxPointDiff: number;
}

interface Flags {
	m4: number;
	retail?: number;
	/** Only the customers case (BROWSER.md's and CUSTOMERS.md's customers sections are updated). */
	onlyCustomers: boolean;
	/** Customers asked "for this customer" one by one. */
	sweep: number;
}

function parseFlags(argv: string[]): Flags {
	let m4 = 50;
	let retail: number | undefined;
	let onlyCustomers = false;
	let sweep = 300;
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--m4') m4 = Number(argv[++i]);
		else if (argv[i] === '--retail') retail = Number(argv[++i]);
		else if (argv[i] === '--sweep') sweep = Number(argv[++i]);
		else if (argv[i] === '--only' && argv[i + 1] === 'customers') {
			onlyCustomers = true;
			i++;
		} else throw new Error(`unknown flag ${argv[i]}`);
	}
	return { m4, retail, onlyCustomers, sweep };
}

/** Read a long CSV (series_id,date,value) into id → values in file order. */
function readLong(path: string): Map<string, number[]> {
	const lines = readFileSync(path, 'utf8').trim().split('\n');
	const header = lines[0].split(',');
	const [ci, cv] = [header.indexOf('series_id'), header.indexOf('value')];
	const out = new Map<string, number[]>();
	for (let i = 1; i < lines.length; i++) {
		const f = lines[i].split(',');
		let arr = out.get(f[ci]);
		if (!arr) out.set(f[ci], (arr = []));
		arr.push(Number(f[cv]));
	}
	return out;
}

/** The same training windows as tests/bench/run.ts. */
function loadData(flags: Flags): BenchData[] {
	const retail = [...readLong(join(DATA, 'online_retail/weekly_top200_train.csv'))]
		.map(([id, v]) => ({ id, y: v.slice(0, -12) }))
		.slice(0, flags.retail);
	const m4 = [...readLong(join(DATA, 'm4_weekly/train.csv'))]
		.map(([id, y]) => ({ id, y }))
		.slice(0, flags.m4);
	return [
		{ key: 'retail', title: 'online retail top-200 weekly', h: 12, m: 52, series: retail },
		{ key: 'm4', title: 'M4 Weekly', h: 13, m: 52, series: m4 },
	];
}

/** Hashed worker file name in dist/assets, e.g. forecast.worker-BhVoEuE9.js. */
function workerAsset(prefix: string): string {
	const name = readdirSync(join(DIST, 'assets')).find(
		(f) => f.startsWith(`${prefix}-`) && f.endsWith('.js'),
	);
	if (!name) throw new Error(`no ${prefix} in dist/assets`);
	return `/assets/${name}`;
}

/**
 * Page-side helper, a plain string so tsx's emitted helpers never reach the browser. Starts workers and
 * speaks Comlink's wire protocol by hand: {id, type:'APPLY', path:[method], argumentList:[{type:'RAW',
 * value}]}; the worker answers {id, type:'RAW', value} or {id, type:'HANDLER', name:'throw', value}.
 */
const PAGE_HELPER = `
window.__bench = {
	workers: [],
	start(url) { this.workers.push(new Worker(url, { type: 'module' })); return this.workers.length - 1; },
	call(index, method, args) {
		const w = this.workers[index];
		const id = Math.random().toString(36).slice(2) + Date.now().toString(36);
		return new Promise((resolve, reject) => {
			const on = (ev) => {
				if (!ev.data || ev.data.id !== id) return;
				w.removeEventListener('message', on);
				const d = ev.data;
				if (d.type === 'RAW') resolve(d.value);
				else if (d.type === 'HANDLER' && d.name === 'throw') {
					const v = d.value && d.value.isError ? d.value.value : { message: String(d.value && d.value.value) };
					reject(Object.assign(new Error(v.message), { name: v.name || 'Error' }));
				} else reject(new Error('unexpected Comlink answer ' + d.type));
			};
			w.addEventListener('message', on);
			w.postMessage({ id, type: 'APPLY', path: [method], argumentList: args.map((value) => ({ type: 'RAW', value })) });
		});
	},
	async forecast(index, data, options, n) {
		const pack = (series) => {
			const indptr = new Int32Array(series.length + 1);
			series.forEach((s, i) => (indptr[i + 1] = indptr[i] + s.y.length));
			const y = new Float64Array(indptr[series.length]);
			series.forEach((s, i) => y.set(s.y, indptr[i]));
			const ds = new Float64Array(y.length).map((_, i) => i);
			return { ids: series.map((s) => s.id), indptr, ds, y };
		};
		await this.call(index, 'forecastBatch', [pack(data.slice(0, n)), options, 'warmup']);
		const batch = pack(data);
		const t0 = performance.now();
		const out = await this.call(index, 'forecastBatch', [batch, options, 'bench']);
		const seconds = (performance.now() - t0) / 1000;
		return { seconds, points: out.map((r) => Array.from(r.point)), models: out.map((r) => r.model) };
	},
	async customers(index, datasetId, n) {
		const l = await this.call(index, 'orderLines', [datasetId]);
		const seen = new Set();
		for (const c of l.customer) {
			if (c && !seen.has(c)) seen.add(c);
			if (seen.size >= n) break;
		}
		const ids = [...seen];
		const lists = [];
		const t0 = performance.now();
		for (const c of ids) {
			const r = await this.call(index, 'recommendForCustomer', [datasetId, c, 10]);
			lists.push(r ? r.map((x) => x.productId) : null);
		}
		return { seconds: (performance.now() - t0) / 1000, ids, lists };
	},
	async timed(index, method, args) {
		const t0 = performance.now();
		let error = null;
		let value = null;
		try { value = await this.call(index, method, args); } catch (e) { error = e.name + ': ' + e.message; }
		return { seconds: (performance.now() - t0) / 1000, error, value };
	},
};
`;

/** CDP to one worker through the page session (Target.sendMessageToTarget, non-flat auto-attach). */
class WorkerTargets {
	private nextId = 1;
	private pending = new Map<number, (r: unknown) => void>();
	readonly attached: { sessionId: string; type: string; url: string }[] = [];

	constructor(private readonly cdp: CDPSession) {
		cdp.on('Target.attachedToTarget', (e) =>
			this.attached.push({
				sessionId: e.sessionId,
				type: e.targetInfo.type,
				url: e.targetInfo.url,
			}),
		);
		cdp.on('Target.receivedMessageFromTarget', (e) => {
			const msg = JSON.parse(e.message) as { id?: number; result?: unknown };
			if (msg.id !== undefined) this.pending.get(msg.id)?.(msg.result);
			if (msg.id !== undefined) this.pending.delete(msg.id);
		});
	}

	async init(): Promise<void> {
		await this.cdp.send('Target.setAutoAttach', {
			autoAttach: true,
			waitForDebuggerOnStart: false,
			flatten: false,
		});
	}

	/** The session of the first worker with this URL attached after `known` sessions. */
	async waitFor(url: string, known: number): Promise<string> {
		const deadline = Date.now() + 10_000;
		while (Date.now() < deadline) {
			const hit = this.attached
				.slice(known)
				.find((t) => t.type === 'worker' && t.url.endsWith(url));
			if (hit) return hit.sessionId;
			await new Promise((r) => setTimeout(r, 50));
		}
		throw new Error(`worker ${url} did not attach`);
	}

	heapUsage(sessionId: string): Promise<{ usedSize: number; backingStorageSize?: number }> {
		const id = this.nextId++;
		return new Promise((resolve) => {
			this.pending.set(id, (r) => resolve(r as { usedSize: number; backingStorageSize?: number }));
			void this.cdp
				.send('Target.sendMessageToTarget', {
					sessionId,
					message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }),
				})
				.catch(() => resolve({ usedSize: NaN }));
		});
	}

	/** Runs `job` while sampling the worker's heap; peak used JS heap and ArrayBuffer backing store. */
	async sampled<T>(
		sessionId: string,
		job: () => Promise<T>,
	): Promise<{ value: T; startHeap: number; peakHeap: number; peakBacking: number }> {
		const first = await this.heapUsage(sessionId);
		let peakHeap = first.usedSize;
		let peakBacking = first.backingStorageSize ?? NaN;
		let done = false;
		const loop = (async () => {
			while (!done) {
				const u = await this.heapUsage(sessionId);
				if (u.usedSize > peakHeap) peakHeap = u.usedSize;
				if ((u.backingStorageSize ?? -1) > peakBacking) peakBacking = u.backingStorageSize ?? NaN;
				await new Promise((r) => setTimeout(r, SAMPLE_MS));
			}
		})();
		try {
			const value = await job();
			return { value, startHeap: first.usedSize, peakHeap, peakBacking };
		} finally {
			done = true;
			await loop;
		}
	}
}

/** The demo's dataset id in the data worker (workers/data-service.ts DEMO_DATASET_ID). */
const DEMO_ID = 'demo-online-retail';

/** One side of the customers case. */
interface CustomersSide {
	/** customerInsights wall time (reads the order lines from DuckDB, segments, backtest choice, risk). */
	insightsS: number;
	customers: number;
	chosen: string;
	flags: number;
	segments: string;
	/** "For this customer" lists asked one by one (the first customers by first purchase). */
	sweepS: number;
	ids: string[];
	lists: (string[] | null)[];
	peakHeap: number;
	startHeap: number;
}

function customersSummary(
	v: CustomerInsights,
): Omit<CustomersSide, 'insightsS' | 'sweepS' | 'ids' | 'lists' | 'peakHeap' | 'startHeap'> {
	return {
		customers: v.segments?.customers.length ?? 0,
		chosen: v.recommender?.chosen ?? '–',
		flags: v.flags.length,
		segments: (v.segments?.segments ?? []).map((s) => `${s.segment} ${s.customers}`).join(', '),
	};
}

/** The same createCustomerJobs code over the data service in Node (DuckDB-WASM blocking + fake-indexeddb). */
async function nodeCustomers(sweep: number): Promise<CustomersSide & { importS: number }> {
	const gz = readFileSync(DEMO_GZ);
	const { service, db } = await makeService(freshDb(), {
		fetchDemo: async () =>
			gz.buffer.slice(gz.byteOffset, gz.byteOffset + gz.byteLength) as ArrayBuffer,
	});
	let t0 = performance.now();
	await service.loadDemo();
	const importS = (performance.now() - t0) / 1000;
	const jobs = createCustomerJobs({ orderLines: (id) => service.orderLines(id), db });
	const startHeap = getHeapStatistics().used_heap_size;
	t0 = performance.now();
	const v = await jobs.insights(DEMO_ID);
	const insightsS = (performance.now() - t0) / 1000;
	const peakHeap = getHeapStatistics().used_heap_size;
	const l = await service.orderLines(DEMO_ID);
	const seen = new Set<string>();
	for (const c of l.customer) {
		if (c && !seen.has(c)) seen.add(c);
		if (seen.size >= sweep) break;
	}
	const ids = [...seen];
	const lists: (string[] | null)[] = [];
	t0 = performance.now();
	for (const c of ids) {
		const r = await jobs.forCustomer(DEMO_ID, c, 10);
		lists.push(r ? r.map((x) => x.productId) : null);
	}
	const sweepS = (performance.now() - t0) / 1000;
	return { importS, insightsS, ...customersSummary(v), sweepS, ids, lists, peakHeap, startHeap };
}

function customersSection(
	worker: CustomersSide | null,
	node: (CustomersSide & { importS: number }) | null,
	error: string | null,
	chromiumVersion: string,
): string {
	const cpu = cpus();
	const lines = [
		CUSTOMERS_START,
		'## Customers in the data worker: customers per second (issue #15)',
		'',
		`Run: ${new Date().toISOString()} · ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, no GPU · Node ${process.version} · Chromium ${chromiumVersion} · \`npx tsx tests/bench/browser.ts --only customers\` (also part of the whole browser bench).`,
		'',
		'The demo (UCI Online Retail as shipped, `public/demo/online-retail.csv.gz`) is imported into the built app’s real data worker (`loadDemo`), then the Customers screen’s own calls are timed there: `customerInsights` (order lines read from DuckDB, RFM segments + k-means, the recommender chosen by a time-split backtest of every method, risk flags: isolation forest, rules, return rates, review bursts) and `recommendForCustomer` (top 10, “for this customer”) asked one by one over Comlink. Node runs the same `createCustomerJobs` (workers/data/customers.ts) over the same data service (DuckDB-WASM blocking build + fake-indexeddb) on the same file, after the browser closed. Worker times include the structured clone of the answer to the page.',
		'',
	];
	if (!worker || !node) {
		lines.push(`Not measured: ${error ?? 'one side failed'}.`, CUSTOMERS_END);
		return lines.join('\n');
	}
	const same =
		worker.chosen === node.chosen &&
		worker.flags === node.flags &&
		worker.segments === node.segments &&
		JSON.stringify(worker.lists) === JSON.stringify(node.lists);
	const perS = (n: number, s: number) => (n / s).toLocaleString('en', { maximumFractionDigits: 0 });
	lines.push(
		'| case | customers | Node s | worker s | Node customers/s | worker customers/s | ratio worker/Node (speed) |',
		'|---|---:|---:|---:|---:|---:|---:|',
		`| insights (segments + recommender choice + risk) | ${worker.customers} | ${node.insightsS.toFixed(2)} | ${worker.insightsS.toFixed(2)} | ${perS(node.customers, node.insightsS)} | ${perS(worker.customers, worker.insightsS)} | ${(node.insightsS / worker.insightsS).toFixed(2)} |`,
		`| “for this customer” top 10, one call each | ${worker.ids.length} | ${node.sweepS.toFixed(2)} | ${worker.sweepS.toFixed(2)} | ${perS(node.ids.length, node.sweepS)} | ${perS(worker.ids.length, worker.sweepS)} | ${(node.sweepS / worker.sweepS).toFixed(2)} |`,
		'',
		`- Same answers on both sides: ${same ? 'yes' : 'NO'} (chosen method ${worker.chosen} / ${node.chosen}; ${worker.flags} / ${node.flags} risk flags; segment sizes and all ${worker.ids.length} top-10 lists compared). Segments: ${worker.segments}.`,
		`- Worker JS heap during insights: peak ${mb(worker.peakHeap)} MB (start ${mb(worker.startHeap)}), sampled every ${SAMPLE_MS} ms over CDP; Node used heap after insights ${mb(node.peakHeap)} MB (start ${mb(node.startHeap)}), the whole bench process.`,
		`- Node imported the demo in ${node.importS.toFixed(1)} s before timing (not part of the figures). The first “for this customer” call reuses the recommender fitted by insights in both runtimes.`,
		CUSTOMERS_END,
	);
	return lines.join('\n');
}

const CUSTOMERS_START = '<!-- customers-browser:start (tests/bench/browser.ts) -->';
const CUSTOMERS_END = '<!-- customers-browser:end -->';

/** Replaces the customers section of a results file (or appends it). */
function upsertCustomers(file: string, section: string): void {
	const path = join(ROOT, 'tests/bench/results', file);
	const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
	const a = text.indexOf(CUSTOMERS_START);
	const b = text.indexOf(CUSTOMERS_END);
	const next =
		a >= 0 && b > a
			? text.slice(0, a) + section + text.slice(b + CUSTOMERS_END.length)
			: `${text.trimEnd()}\n\n${section}\n`;
	writeFileSync(path, next);
}

function runNode(ds: BenchData, options: AutoForecastOptions): SideRun {
	const warm = ds.series.slice(0, 3);
	for (const s of warm) forecastAuto(Float64Array.from(s.y), options);
	const ys = ds.series.map((s) => Float64Array.from(s.y));
	const startHeap = getHeapStatistics().used_heap_size;
	let peakHeap = startHeap;
	const points: number[][] = [];
	const models: string[] = [];
	const t0 = performance.now();
	for (const y of ys) {
		const r = forecastAuto(y, options);
		points.push(Array.from(r.point));
		models.push(r.model);
		const used = getHeapStatistics().used_heap_size;
		if (used > peakHeap) peakHeap = used;
	}
	const seconds = (performance.now() - t0) / 1000;
	return { seconds, seriesPerSec: ys.length / seconds, peakHeap, startHeap, points, models };
}

function maxDiff(a: number[][], b: number[][]): number {
	let d = 0;
	a.forEach((row, i) =>
		row.forEach((v, j) => {
			const w = b[i]?.[j];
			if (w === undefined || Number.isNaN(v) !== Number.isNaN(w)) d = Infinity;
			else if (!Number.isNaN(v)) d = Math.max(d, Math.abs(v - w) / Math.max(1, Math.abs(v)));
		}),
	);
	return d;
}

interface NodeImport {
	name: string;
	previewS: number;
	commitS?: number;
	peakRssMb: number;
}

/** The demo file through the data service in Node: tests/bench/import.ts's '.gz as picked' case. */
function nodeImport(): NodeImport | null {
	try {
		const out = execFileSync(
			process.execPath,
			['--import', 'tsx', join(ROOT, 'tests/bench/import.ts'), '--case', '2'],
			{ cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] },
		);
		const line = out.split('\n').find((l) => l.startsWith('RESULT '));
		const r = line ? (JSON.parse(line.slice(7)) as NodeImport) : null;
		return r && r.name.includes('.gz') ? r : null;
	} catch (err) {
		console.error(`Node import case failed: ${(err as Error).message}`);
		return null;
	}
}

const mb = (b: number, d = 1) => (Number.isFinite(b) ? (b / MB).toFixed(d) : '–');

async function main(): Promise<void> {
	const flags = parseFlags(process.argv.slice(2));
	if (!existsSync(join(DIST, 'index.html'))) {
		console.error('dist/ missing: running vite build');
		execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'], {
			cwd: ROOT,
			stdio: 'inherit',
		});
	}
	const data = flags.onlyCustomers ? [] : loadData(flags);
	const forecastUrl = workerAsset('forecast.worker');
	const dataUrl = workerAsset('data.worker');

	const { url, child } = await startPreview();
	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
		headless: true,
	});
	const results: CaseResult[] = [];
	let demo: {
		coldS: number;
		loadS: number;
		error: string | null;
		rows?: number;
		startHeap: number;
		peakHeap: number;
		peakBacking: number;
		pageHeap: number;
	} | null = null;
	let workerCustomers: CustomersSide | null = null;
	let customersError: string | null = null;
	try {
		// No service worker: its precache download would compete with the measured workers.
		const context = await browser.newContext({ serviceWorkers: 'block' });
		const page: Page = await context.newPage();
		await page.goto(url, { waitUntil: 'networkidle' });
		await page.evaluate(PAGE_HELPER);
		const targets = new WorkerTargets(await context.newCDPSession(page));
		await targets.init();

		// (a) forecast worker vs Node
		let known = targets.attached.length;
		const fw = await page.evaluate(`window.__bench.start(${JSON.stringify(forecastUrl)})`);
		const fSession = await targets.waitFor(forecastUrl, known);
		for (const ds of data) {
			for (const [label, models] of [
				['auto', 'auto'],
				['baseline (snaive+ets)', ['snaive', 'ets']],
			] as const) {
				const options: AutoForecastOptions = {
					horizon: ds.h,
					season: ds.m,
					levels: [0.8, 0.95],
					models: models === 'auto' ? 'auto' : [...models],
				};
				const name = `${ds.title} (${ds.series.length} series, h = ${ds.h}, m = ${ds.m}): ${label}`;
				console.error(`${name}: Node…`);
				const node = runNode(ds, options);
				console.error(`${name}: worker…`);
				const s = await targets.sampled(fSession, () =>
					page.evaluate(
						`window.__bench.forecast(${fw}, ${JSON.stringify(ds.series)}, ${JSON.stringify(options)}, 3)`,
					),
				);
				const w = s.value as { seconds: number; points: number[][]; models: string[] };
				const worker: SideRun = {
					seconds: w.seconds,
					seriesPerSec: ds.series.length / w.seconds,
					peakHeap: s.peakHeap,
					startHeap: s.startHeap,
					points: w.points,
					models: w.models,
				};
				results.push({
					name,
					n: ds.series.length,
					node,
					worker,
					maxPointDiff: maxDiff(node.points, worker.points),
				});
				console.error(
					`  Node ${node.seriesPerSec.toFixed(1)}/s, worker ${worker.seriesPerSec.toFixed(1)}/s`,
				);
			}
		}

		// (b) demo import in a fresh data worker: first call starts DuckDB, then loadDemo is timed
		known = targets.attached.length;
		const dw = await page.evaluate(`window.__bench.start(${JSON.stringify(dataUrl)})`);
		const dSession = await targets.waitFor(dataUrl, known);
		console.error('demo import: data worker…');
		const cold = (await page.evaluate(
			`window.__bench.timed(${dw}, 'previewFile', [{ name: 'warm.csv', bytes: new TextEncoder().encode('date,product,units\\n2024-01-01,A,1\\n').buffer }])`,
		)) as { seconds: number };
		const s = await targets.sampled(dSession, () =>
			page.evaluate(`window.__bench.timed(${dw}, 'loadDemo', [])`),
		);
		const v = s.value as {
			seconds: number;
			error: string | null;
			value: { report?: { rowsImported?: number } } | null;
		};
		const pageHeap = (await page.evaluate(
			'performance.memory ? performance.memory.usedJSHeapSize : NaN',
		)) as number;
		demo = {
			coldS: cold.seconds,
			loadS: v.seconds,
			error: v.error,
			rows: v.value?.report?.rowsImported,
			startHeap: s.startHeap,
			peakHeap: s.peakHeap,
			peakBacking: s.peakBacking,
			pageHeap,
		};
		// (c) customers on the demo just imported, in the same data worker
		if (v.error) customersError = `demo import failed: ${v.error}`;
		else {
			console.error('customers: data worker…');
			const ins = await targets.sampled(dSession, () =>
				page.evaluate(
					`window.__bench.timed(${dw}, 'customerInsights', [${JSON.stringify(DEMO_ID)}])`,
				),
			);
			const iv = ins.value as { seconds: number; error: string | null; value: CustomerInsights };
			if (iv.error) customersError = `customerInsights: ${iv.error}`;
			else {
				const sw = (await page.evaluate(
					`window.__bench.customers(${dw}, ${JSON.stringify(DEMO_ID)}, ${flags.sweep})`,
				)) as { seconds: number; ids: string[]; lists: (string[] | null)[] };
				workerCustomers = {
					insightsS: iv.seconds,
					...customersSummary(iv.value),
					sweepS: sw.seconds,
					ids: sw.ids,
					lists: sw.lists,
					peakHeap: ins.peakHeap,
					startHeap: ins.startHeap,
				};
				console.error(
					`  worker: insights ${iv.seconds.toFixed(2)} s, ${sw.ids.length} lists in ${sw.seconds.toFixed(2)} s`,
				);
			}
		}
		await context.close();
	} finally {
		const version = browser.version();
		await browser.close();
		child.kill();
		let nodeCust: Awaited<ReturnType<typeof nodeCustomers>> | null = null;
		if (workerCustomers) {
			console.error('customers: Node…');
			try {
				nodeCust = await nodeCustomers(flags.sweep);
			} catch (err) {
				customersError = `Node: ${(err as Error).message}`;
			}
		}
		const section = customersSection(workerCustomers, nodeCust, customersError, version);
		if (flags.onlyCustomers) upsertCustomers('BROWSER.md', section);
		else {
			console.error('demo import: Node…');
			const nodeDemo = nodeImport();
			writeFileSync(
				join(ROOT, 'tests/bench/results/BROWSER.md'),
				report(results, demo, nodeDemo, version, flags, section),
			);
		}
		upsertCustomers('CUSTOMERS.md', section);
		console.error('wrote tests/bench/results/BROWSER.md and CUSTOMERS.md');
	}
}

function report(
	results: CaseResult[],
	demo: {
		coldS: number;
		loadS: number;
		error: string | null;
		rows?: number;
		startHeap: number;
		peakHeap: number;
		peakBacking: number;
		pageHeap: number;
	} | null,
	nodeDemo: NodeImport | null,
	chromiumVersion: string,
	flags: Flags,
	customers: string,
): string {
	const cpu = cpus();
	const args = process.argv.slice(2).join(' ');
	const lines = [
		'# Browser bench (tests/bench/browser.ts)',
		'',
		`Run: ${new Date().toISOString()} · ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, no GPU · Node ${process.version} · Chromium ${chromiumVersion} (Debian /usr/bin/chromium, headless, CHROMIUM_ARGS) · command \`npx tsx tests/bench/browser.ts${args ? ' ' + args : ''}\` (also the last step of \`npm run bench\`).`,
		'',
		'The built app (`dist/`, `vite preview`) is opened in Chromium; the bench starts the real hashed',
		'worker bundles from `dist/assets` and calls them with Comlink’s wire protocol by hand, so the app has',
		'no test hooks. Node runs `forecastAuto` (src/core/engine.ts) directly on the same series with the same',
		'options, in the same script, one after the other (never at the same time). Both sides get a 3-series',
		'warm-up; worker time includes structured cloning of the batch and the transfer of the results.',
		'',
		'## Forecast engine: series per second',
		'',
		`Series: online-retail top-200 weekly train windows (the last 12 weeks held out, as tests/bench/run.ts${flags.retail ? `, first ${flags.retail}` : ''}) and the first ${flags.m4} M4 Weekly train series. Peak heap: Node = largest V8 used_heap_size after each series (the whole bench process, start value in brackets); worker = largest Runtime.getHeapUsage usedSize sampled every ${SAMPLE_MS} ms over CDP during the batch (start in brackets). “max diff” is the largest relative difference between the worker’s and Node’s point forecasts.`,
		'',
		'| case | Node series/s | worker series/s | ratio worker/Node | Node peak heap MB | worker peak heap MB | max diff | models (worker) |',
		'|---|---:|---:|---:|---:|---:|---:|---|',
	];
	for (const r of results) {
		const counts = new Map<string, number>();
		for (const m of r.worker.models) {
			const k = m.replace(/\(.*\)/, '(…)');
			counts.set(k, (counts.get(k) ?? 0) + 1);
		}
		const models = [...counts]
			.sort((a, b) => b[1] - a[1])
			.map(([k, c]) => `${k} ${c}`)
			.join(', ');
		lines.push(
			`| ${r.name} | ${r.node.seriesPerSec.toFixed(1)} | ${r.worker.seriesPerSec.toFixed(1)} | ${(r.worker.seriesPerSec / r.node.seriesPerSec).toFixed(2)} | ${mb(r.node.peakHeap)} (${mb(r.node.startHeap)}) | ${mb(r.worker.peakHeap)} (${mb(r.worker.startHeap)}) | ${r.maxPointDiff.toExponential(1)} | ${models} |`,
		);
	}
	lines.push(
		'',
		'- A ratio near 1 means the worker costs nothing beyond the engine itself. Batches that take well under a second (the retail baseline) are dominated by the structured clone of the batch and the results, so their ratio says more about the message round trip than about the engine.',
		'- max diff is not 0 where the two V8 builds (Node’s and Chromium’s) round Math.exp/log/pow differently and the backtest-based selection can amplify that.',
	);
	lines.push('', '## Demo import (data worker `loadDemo`)', '');
	if (!demo) lines.push('Not measured: the browser part failed before the demo import.');
	else {
		const nodeS = nodeDemo ? nodeDemo.previewS + (nodeDemo.commitS ?? 0) : NaN;
		lines.push(
			'| case | Node s (preview+commit) | worker s | ratio worker/Node | Node peak RSS MB | worker peak JS heap MB | worker peak ArrayBuffer MB | page JS heap MB |',
			'|---|---:|---:|---:|---:|---:|---:|---:|',
			`| demo online-retail.csv.gz (4.7 MB, ${demo.rows ?? '?'} rows imported)${demo.error ? ` — error: ${demo.error}` : ''} | ${Number.isFinite(nodeS) ? nodeS.toFixed(2) : '–'} | ${demo.loadS.toFixed(2)} | ${Number.isFinite(nodeS) ? (demo.loadS / nodeS).toFixed(2) : '–'} | ${nodeDemo ? nodeDemo.peakRssMb.toFixed(0) : '–'} | ${mb(demo.peakHeap)} (${mb(demo.startHeap)}) | ${mb(demo.peakBacking)} | ${mb(demo.pageHeap)} |`,
			'',
			`- worker s = \`loadDemo()\` wall time seen by the page: fetch of /demo/online-retail.csv.gz from \`vite preview\`, preview, commit (gzip'ed Arrow IPC + Dexie write to IndexedDB). DuckDB was started before by a tiny \`previewFile\` (${demo.coldS.toFixed(2)} s: wasm compile + instantiate), as the Node case starts it before timing.`,
			'- Node s = `tests/bench/import.ts --case 2` (“online_retail .gz as picked”: the same bytes through the same data service; DuckDB-WASM blocking build in Node + fake-indexeddb), run in a child process after the browser closed.',
			'- Memory: the worker’s JS heap (V8 usedSize, start in brackets) and ArrayBuffer backing stores (`backingStorageSize`, as V8 reports it; DuckDB’s wasm memory may or may not be counted there) are sampled over CDP; Node reports only the child process’s peak RSS (everything: Node, wasm, input), so the memory columns are not a ratio. `performance.measureUserAgentSpecificMemory` is unavailable: the app is not cross-origin isolated.',
		);
	}
	lines.push('', customers, '');
	return lines.join('\n');
}

await main();
