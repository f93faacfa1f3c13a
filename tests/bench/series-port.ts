// Series delivery benchmark (#10 item 2): the demo batch (every product of the UCI demo, weekly units)
// brought to the forecast worker's side (a) through the UI thread, as before — the data worker moves the
// batch to the UI, the UI copies it and posts it on — and (b) straight over a MessageChannel between
// the data worker and the forecast worker (workers/data/series-port.ts), the UI posting only keys.
// Real DuckDB (Node blocking build) and real MessageChannels with Comlink, in one Node thread: the ms
// include every structured clone and transfer. Bytes are what the UI thread posts (v8 serialize size).
// Run: npx tsx tests/bench/series-port.ts  (writes tests/bench/results/SERIES-PORT.md)
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { prepareBatch } from '../../src/core/forecast/batch';
import type { SeriesBatch } from '../../src/core/types';
import {
	SeriesLink,
	seriesPortApi,
	type SeriesKeys,
	type SeriesPortWorkerApi,
	type SeriesSource,
} from '../../workers/data/series-port';
import { DEMO_GZ, makeService, ROOT, toInput } from '../unit/data/harness';

const ep = (p: MessagePort): Comlink.Endpoint => p as unknown as Comlink.Endpoint;
const tally = { bytes: 0 };
/** The UI's end of a channel: counts what the UI thread posts. */
function counted(port: MessagePort): Comlink.Endpoint {
	return {
		postMessage(m: unknown, t?: Transferable[]) {
			try {
				tally.bytes += serialize(m).length;
			} catch {
				tally.bytes += 64;
			}
			port.postMessage(m, t as never);
		},
		addEventListener: port.addEventListener.bind(port) as Comlink.Endpoint['addEventListener'],
		removeEventListener: port.removeEventListener.bind(
			port,
		) as Comlink.Endpoint['removeEventListener'],
		start: () => port.start(),
	};
}

const ctx = await makeService();
const text = gunzipSync(readFileSync(DEMO_GZ));
const t0 = performance.now();
const p = await ctx.service.previewFile(toInput('online-retail.csv', text));
const meta = await ctx.service.commitImport(p.importId, {
	mapping: p.mapping,
	dateOrder: p.dateOrder,
	datasetName: 'demo',
});
console.log(`demo imported in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const products = (await ctx.service.productSummary(meta.id)).map((x) => x.productId);
const keys: SeriesKeys = {
	datasetId: meta.id,
	productIds: products,
	freq: 'week',
	measure: 'units',
};

// the data worker: series-port API and querySeries, as data-api.ts exposes them
const source: SeriesSource = {
	querySeries: (id, q) => ctx.service.querySeries(id, q),
	productSummary: (id) => ctx.service.productSummary(id),
	hierarchySeries: (id, q) => ctx.service.hierarchySeries(id, q),
};
const d = new MessageChannel();
Comlink.expose(
	{
		...seriesPortApi(async () => source),
		async querySeries(id: string, q: Omit<SeriesKeys, 'datasetId'>) {
			const b = await source.querySeries(id, q);
			return Comlink.transfer(b, [b.indptr.buffer, b.ds.buffer, b.y.buffer] as ArrayBuffer[]);
		},
	},
	ep(d.port1),
);
const data = Comlink.wrap<SeriesPortWorkerApi & Pick<SeriesSource, 'querySeries'>>(
	counted(d.port2),
);

// the forecast worker: receives a batch (relay) or reads by keys over its link (direct)
const link = new SeriesLink();
const f = new MessageChannel();
Comlink.expose(
	{
		connectData: (port: MessagePort) => link.connect(ep(port)),
		received: (b: SeriesBatch) => b.y.length,
		async read(k: SeriesKeys) {
			return prepareBatch(await link.querySeries(k), k.freq, 13).batch.y.length;
		},
	},
	ep(f.port1),
);
const forecast = Comlink.wrap<{
	connectData(p: MessagePort): void;
	received(b: SeriesBatch): number;
	read(k: SeriesKeys): number;
}>(counted(f.port2));
const c = new MessageChannel();
await data.connectSeriesPort(Comlink.transfer(c.port1, [c.port1]) as never);
await forecast.connectData(Comlink.transfer(c.port2, [c.port2]) as never);

async function relay(): Promise<number> {
	const { datasetId, ...q } = keys;
	const raw = await data.querySeries(datasetId, q);
	const b = prepareBatch(raw, 'week', 13).batch;
	// what ForecastClient.forecastBatch posts: a copy (the UI keeps its batch to draw it)
	const copy = { ids: [...b.ids], indptr: b.indptr.slice(), ds: b.ds.slice(), y: b.y.slice() };
	return forecast.received(copy);
}
const direct = (): Promise<number> => forecast.read(keys);

const RUNS = 7;
const measure = async (fn: () => Promise<number>) => {
	await fn(); // warm-up (DuckDB caches the dataset)
	const ms: number[] = [];
	let bytes = 0;
	let n = 0;
	for (let i = 0; i < RUNS; i++) {
		tally.bytes = 0;
		const s = performance.now();
		n = await fn();
		ms.push(performance.now() - s);
		bytes = tally.bytes;
	}
	ms.sort((a, b) => a - b);
	return { ms: ms[RUNS >> 1], bytes, n };
};
// alternate the order so neither gets a warmer machine
const r1 = await measure(relay);
const d1 = await measure(direct);
const r2 = await measure(relay);
const d2 = await measure(direct);
const r = { ms: (r1.ms + r2.ms) / 2, bytes: r1.bytes, n: r1.n };
const dd = { ms: (d1.ms + d2.ms) / 2, bytes: d1.bytes, n: d1.n };
if (r.n !== dd.n) throw new Error(`relay gave ${r.n} values, direct ${dd.n}`);

const kb = (b: number) => `${(b / 1024).toFixed(1)} kB`;
const md = `# Series delivery: UI-thread relay vs direct port (#10 item 2)

The demo batch — every product of the UCI Online Retail demo (${products.length} series), weekly units,
${r.n.toLocaleString('en')} values after the partial first/last weeks are left out — brought to the forecast
worker's side. Real DuckDB-WASM (Node blocking build) and real MessageChannels with Comlink, all in one
Node thread (the ms include every structured clone and transfer; in the browser the relay's part runs on
the UI thread, the direct path's on the two workers). Median of ${RUNS} runs, two rounds alternated.
${cpus().length} cores (\`${cpus()[0]?.model ?? '?'}\`), shared machine. \`npx tsx tests/bench/series-port.ts\`.

| path | ms (median) | bytes posted by the UI thread |
|---|---:|---:|
| UI-thread relay (data → UI → copy → forecast) | ${r.ms.toFixed(1)} | ${kb(r.bytes)} |
| direct port (UI posts keys; data → forecast) | ${dd.ms.toFixed(1)} | ${kb(dd.bytes)} |
| **ratio relay / direct** | **${(r.ms / dd.ms).toFixed(2)}×** | **${(r.bytes / Math.max(1, dd.bytes)).toFixed(0)}×** |

The direct path's bytes are the keys (${products.length} product ids) the request names; the series arrays
never pass through the UI thread.
`;
writeFileSync(join(ROOT, 'tests/bench/results/SERIES-PORT.md'), md);
console.log(md);
for (const port of [d.port1, d.port2, f.port1, f.port2]) port.close();
link.close();
process.exit(0);
