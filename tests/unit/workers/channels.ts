// Shared fixture of the worker tests that run the data worker and forecast workers over real
// MessageChannels (series-port, series-port-consumers and forecast-pool tests): channels that are all closed after the
// file, and the data service (real DuckDB) with the demo's first 60,000 lines imported as "demo":
// December 2010 to mid-January 2011, partial first and last weeks.
import { serialize } from 'node:v8';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { afterAll } from 'vitest';
import type { DatasetMeta } from '../../../src/core/ingest/types';
import type { WorkerBridge } from '../../../src/lib/workers/bridge';
import type { SeriesProvider } from '../../../src/lib/workers/series-link';
import type { SeriesPortWorkerApi } from '../../../workers/data/series-port';
import { demoHead, makeService, toInput } from '../data/harness';

const open: MessagePort[] = [];

/** A new MessageChannel, closed after the test file. */
export function channel(): { port1: MessagePort; port2: MessagePort } {
	const c = new MessageChannel();
	open.push(c.port1, c.port2);
	return c;
}

afterAll(() => {
	for (const p of open.splice(0)) p.close();
});

/** The data service over a fresh DuckDB with the demo's first 60,000 lines imported as "demo". */
export async function demoService(): Promise<{
	ctx: Awaited<ReturnType<typeof makeService>>;
	meta: DatasetMeta;
}> {
	const ctx = await makeService();
	const p = await ctx.service.previewFile(toInput('demo.csv', demoHead(60000)));
	const meta = await ctx.service.commitImport(p.importId, {
		mapping: p.mapping,
		dateOrder: p.dateOrder,
		datasetName: 'demo',
	});
	return { ctx, meta };
}

/** Node's MessagePort as Comlink's endpoint type (it works as one: addEventListener, postMessage). */
export const ep = (port: MessagePort): Comlink.Endpoint => port as unknown as Comlink.Endpoint;

/** A Comlink endpoint that counts the bytes the UI thread posts (structured-clone size). */
export function counted(port: MessagePort, tally: { bytes: number }): Comlink.Endpoint {
	return {
		postMessage(message: unknown, transfer?: Transferable[]) {
			try {
				tally.bytes += serialize(message).length;
			} catch {
				tally.bytes += 64; // a message carrying a port (v8.serialize cannot write one): a few bytes
			}
			port.postMessage(message, transfer as never);
		},
		addEventListener: port.addEventListener.bind(port) as Comlink.Endpoint['addEventListener'],
		removeEventListener: port.removeEventListener.bind(
			port,
		) as Comlink.Endpoint['removeEventListener'],
		start: () => port.start(),
	};
}

/**
 * What the app's DataClient gives series-link.ts (openSeriesPort, generation, started, onEnd), over a
 * test's data-worker bridge and these channels; `onOpen` runs for each port opened (to count them).
 */
export function seriesProviderOf(
	dataBridge: WorkerBridge<SeriesPortWorkerApi>,
	onOpen?: () => void,
): SeriesProvider {
	return {
		async openSeriesPort() {
			onOpen?.();
			const c = channel();
			let generation = 0;
			await dataBridge.call((api) => {
				generation = dataBridge.generation;
				return api.connectSeriesPort(Comlink.transfer(c.port1, [c.port1]) as never);
			});
			return { port: c.port2 as unknown as globalThis.MessagePort, generation };
		},
		get generation() {
			return dataBridge.generation;
		},
		get started() {
			return dataBridge.started;
		},
		onEnd: (fn) => dataBridge.onEnd(fn),
	};
}
