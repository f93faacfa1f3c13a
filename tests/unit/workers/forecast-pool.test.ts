// The batch across a pool of forecast workers (src/lib/workers/forecast-pool.ts): real ForecastClients,
// each with its own forecast worker (a fresh instance of workers/forecast-api.ts behind a MessageChannel)
// and its own port to the data worker (real DuckDB), give exactly the single worker's forecasts in the
// batch's order, hand the chunks to whichever worker is free, sum the progress, stop every worker on
// Cancel and fail with the single worker's coded error.
import type { MessagePort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { topSellers } from '../../../src/core/forecast/batch';
import type { DatasetMeta, Progress } from '../../../src/core/ingest/types';
import { WorkerBridge, type BridgeEndpoint } from '../../../src/lib/workers/bridge';
import { isAbortError, toUiError } from '../../../src/lib/workers/errors';
import { ForecastClient, type SeriesKeys } from '../../../src/lib/workers/forecast-client';
import {
	chunkSize,
	ForecastPool,
	poolSize,
	type PoolMember,
} from '../../../src/lib/workers/forecast-pool';
import type { SeriesProvider } from '../../../src/lib/workers/series-link';
import { installCodedErrorTransfer } from '../../../workers/data/coded-error';
import { seriesPortApi, type SeriesPortWorkerApi } from '../../../workers/data/series-port';
import { channel, demoService, seriesProviderOf } from './channels';

installCodedErrorTransfer();

const endpoint = (port: MessagePort, close: () => void): BridgeEndpoint =>
	Object.assign(port as unknown as Comlink.Endpoint, { terminate: close }) as BridgeEndpoint;

/** A forecast "worker": its own module instance (own data link, own shared batch), as a real worker has. */
interface WorkerModule {
	expose: (api: unknown, ep: Comlink.Endpoint) => void;
	api: unknown;
}
const workerModules: WorkerModule[] = [];
async function freshWorkerModule(): Promise<WorkerModule> {
	vi.resetModules();
	const comlink = await import('comlink');
	const coded = await import('../../../workers/data/coded-error');
	const mod = await import('../../../workers/forecast-api');
	coded.installCodedErrorTransfer();
	return { expose: (api, ep) => comlink.expose(api, ep), api: mod.api };
}

let ctx: Awaited<ReturnType<typeof demoService>>['ctx'];
let meta: DatasetMeta;
let provider: SeriesProvider;
let ids: string[];

/** A ForecastClient whose worker is module instance `m`, started over a MessageChannel. */
function client(m: WorkerModule, calls?: { n: number }): PoolMember {
	const c = new ForecastClient(provider, () => {
		const ch = channel();
		m.expose(m.api, ch.port1 as unknown as Comlink.Endpoint);
		return endpoint(ch.port2, () => (ch.port1.close(), ch.port2.close()));
	});
	if (!calls) return c;
	return {
		forecastSeries: (...args: Parameters<ForecastClient['forecastSeries']>) => {
			calls.n++;
			return c.forecastSeries(...args);
		},
		terminate: () => c.terminate(),
	};
}

beforeAll(async () => {
	({ ctx, meta } = await demoService());
	ids = topSellers(await ctx.service.productSummary(meta.id), 8);
	const dataBridge = new WorkerBridge<SeriesPortWorkerApi>({
		start: () => {
			const c = channel();
			Comlink.expose(
				seriesPortApi(async () => ctx.service),
				c.port1 as unknown as Comlink.Endpoint,
			);
			return endpoint(c.port2, () => (c.port1.close(), c.port2.close()));
		},
	});
	provider = seriesProviderOf(dataBridge);
	for (let i = 0; i < 4; i++) workerModules.push(await freshWorkerModule());
}, 120_000);

const keys = (productIds: string[], datasetId = meta.id): SeriesKeys => ({
	datasetId,
	productIds,
	freq: 'day',
	measure: 'units',
});
const OPTIONS = {
	horizon: 7,
	models: 'auto' as const,
	levels: [0.8, 0.95],
	decompose: true,
	calendar: { country: 'GB' },
};

describe('pool size and chunks', () => {
	it('one worker per core but one, 2 on 2–3 cores, at most 8, at least 1', () => {
		expect([undefined, 0, 1, 2, 3, 4, 5, 8, 16, 64].map((c) => poolSize(c))).toEqual([
			1, 1, 1, 2, 2, 3, 4, 7, 8, 8,
		]);
		expect(chunkSize(3702, 2)).toBe(64);
		expect(chunkSize(3702, 8)).toBe(58);
		expect(chunkSize(14, 3)).toBe(1);
	});
});

describe('forecast pool over real MessageChannels', { timeout: 120_000 }, () => {
	it('gives the single worker’s forecasts in the batch’s order, chunks to every worker', async () => {
		const single = client(workerModules[0]);
		const one = await single.forecastSeries(keys(ids), OPTIONS, {}, undefined, {});
		single.terminate();
		expect(one.results.map((r) => r.seriesId).sort()).toEqual([...ids].sort());
		expect(one.results).toHaveLength(ids.length);

		const calls = [{ n: 0 }, { n: 0 }, { n: 0 }];
		let m = 0;
		const pool = new ForecastPool({
			size: 3,
			member: () => client(workerModules[1 + m], calls[m++]),
		});
		const seen: Progress[] = [];
		const pooled = await pool.forecastSeries(keys(ids), OPTIONS, {
			onProgress: (p) => seen.push({ ...p }),
		});
		// the same forecasts, in the same order (same engine, same batch-wide total and calendar)
		expect(pooled.results.map((r) => r.seriesId)).toEqual(one.results.map((r) => r.seriesId));
		expect(pooled.results).toEqual(one.results);
		expect(pooled.future).toEqual(one.future);
		expect(pooled.season).toBe(one.season);
		expect(pooled.leftOut).toEqual(one.leftOut);
		expect(pooled.total).toBe(ids.length);
		// 8 chunks of one series, handed out as workers come free: every worker took some
		expect(calls.reduce((s, c) => s + c.n, 0)).toBe(ids.length);
		for (const c of calls) expect(c.n).toBeGreaterThan(0);
		// progress summed over the chunks, never backwards, ending at all of them
		expect(seen.every((p) => p.total === ids.length)).toBe(true);
		for (let i = 1; i < seen.length; i++)
			expect(seen[i].done).toBeGreaterThanOrEqual(seen[i - 1].done);
		expect(seen.at(-1)).toEqual({ phase: 'forecast', done: ids.length, total: ids.length });

		// a second job on the warm pool (the workers' shared batch is the new job's, not the old one's)
		const fewer = ids.slice(0, 5);
		const again = await pool.forecastSeries(keys(fewer), OPTIONS);
		expect(again.results.map((r) => r.seriesId)).toEqual(fewer);
		pool.terminate();
	});

	it('Cancel stops every worker; an error is the single worker’s, with its code', async () => {
		let m = 0;
		const pool = new ForecastPool({ size: 2, member: () => client(workerModules[1 + m++]) });
		const ac = new AbortController();
		const run = pool.forecastSeries(keys(ids), OPTIONS, {
			signal: ac.signal,
			onProgress: (p) => {
				if (p.done >= 1) ac.abort();
			},
		});
		const err = await run.then(
			() => null,
			(e: unknown) => e,
		);
		expect(isAbortError(err)).toBe(true);
		// the workers stayed up (cancelled, not killed) and forecast the next job
		const after = await pool.forecastSeries(keys(ids.slice(0, 3)), OPTIONS);
		expect(after.results).toHaveLength(3);

		// an unknown dataset: the pool fails as the single worker does, same name and message code
		const single = client(workerModules[0]);
		const bad = keys(ids, 'no-such-dataset');
		const e1 = await single.forecastSeries(bad, OPTIONS).then(
			() => null,
			(e: unknown) => e,
		);
		const e2 = await pool.forecastSeries(bad, OPTIONS).then(
			() => null,
			(e: unknown) => e,
		);
		expect(e1).not.toBeNull();
		expect(toUiError(e2)).toEqual(toUiError(e1));
		single.terminate();
		pool.terminate();
	});
});
