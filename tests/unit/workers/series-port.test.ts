// Series straight from the data worker to the forecast (and train) worker over a real MessageChannel
// (#10 item 2): the data service (real DuckDB) serves series on one port, the forecast worker API reads
// them by dataset id and keys, and the UI thread only passes ports, ids and keys. The same forecast
// as the UI-thread relay (query → batch rules → forecastBatch), far fewer bytes through the UI, the
// batch rules of core/forecast/batch.ts applied in the worker, a lost link fails with a code, and
// the UI's DataLink relinks after the data worker restarts.
import type { MessagePort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareBatch, topSellers } from '../../../src/core/forecast/batch';
import { trimPartialPeriods } from '../../../src/core/series/calendar';
import type { DatasetMeta } from '../../../src/core/ingest/types';
import { WorkerBridge, type BridgeEndpoint } from '../../../src/lib/workers/bridge';
import { toUiError } from '../../../src/lib/workers/errors';
import { DataLink } from '../../../src/lib/workers/series-link';
import { installCodedErrorTransfer } from '../../../workers/data/coded-error';
import {
	LINK_LOST_CODE,
	SeriesLink,
	seriesPortApi,
	type SeriesKeys,
	type SeriesPortWorkerApi,
} from '../../../workers/data/series-port';
import { api as forecastApi, type ForecastWorkerApi } from '../../../workers/forecast-api';
import { channel, counted, demoService, ep, seriesProviderOf } from './channels';

installCodedErrorTransfer();

let ctx: Awaited<ReturnType<typeof demoService>>['ctx'];
let meta: DatasetMeta;
/** The "data worker": its series-port API exposed on a channel, as data-api.ts does. */
let dataRemote: Comlink.Remote<SeriesPortWorkerApi>;
/** The "forecast worker": its API on a channel whose UI end counts what the UI posts. */
let forecast: Comlink.Remote<ForecastWorkerApi>;
const uiBytes = { bytes: 0 };

/** A new channel between the two workers, set up by the UI as the clients do. */
async function link(): Promise<void> {
	const { port1, port2 } = channel();
	await dataRemote.connectSeriesPort(Comlink.transfer(port1, [port1]) as never);
	await forecast.connectData(Comlink.transfer(port2, [port2]) as never);
}

beforeAll(async () => {
	({ ctx, meta } = await demoService());
	const d = channel();
	Comlink.expose(
		seriesPortApi(async () => ctx.service),
		ep(d.port1),
	);
	dataRemote = Comlink.wrap<SeriesPortWorkerApi>(ep(d.port2));
	const f = channel();
	Comlink.expose(forecastApi, ep(f.port1));
	forecast = Comlink.wrap<ForecastWorkerApi>(counted(f.port2, uiBytes));
	await link();
}, 120_000);

const daily = (ids: string[] | null): SeriesKeys => ({
	datasetId: meta.id,
	productIds: ids,
	freq: 'day',
	measure: 'units',
});

describe(
	'series over a MessageChannel (data worker → forecast worker)',
	{ timeout: 60_000 },
	() => {
		it('forecasts the same as the UI-thread relay, with only keys through the UI thread', async () => {
			const ids = topSellers(await ctx.service.productSummary(meta.id), 30);
			const options = { horizon: 7, models: ['naive', 'snaive'] as string[], levels: [0.8] };

			uiBytes.bytes = 0;
			const direct = await forecast.forecastSeries(daily(ids), options, 'direct');
			const directBytes = uiBytes.bytes;

			// the relay: the UI reads the batch, applies the batch rules and posts the arrays on
			uiBytes.bytes = 0;
			const raw = await ctx.service.querySeries(meta.id, {
				productIds: ids,
				freq: 'day',
				measure: 'units',
			});
			const prep = prepareBatch(raw, 'day', 7);
			const relayed = await forecast.forecastBatch(
				prep.batch,
				{ ...options, season: prep.season },
				'relay',
			);
			const relayBytes = uiBytes.bytes;

			expect(direct.results.map((r) => r.seriesId)).toEqual(ids);
			expect(direct.results.map((r) => r.model)).toEqual(relayed.map((r) => r.model));
			for (let i = 0; i < ids.length; i++)
				expect(Array.from(direct.results[i].point)).toEqual(Array.from(relayed[i].point));
			expect(direct.season).toBe(7);
			expect(direct.history).toBeNull(); // a batch needs no history back
			const arrayBytes = prep.batch.ds.byteLength + prep.batch.y.byteLength;
			expect(relayBytes).toBeGreaterThan(arrayBytes);
			expect(directBytes).toBeLessThan(2_000);
		});

		it('applies the batch rules in the worker: partial periods out, future dates, dropLast', async () => {
			const keys: SeriesKeys = { ...daily(null), freq: 'week' };
			const raw = await ctx.service.querySeries(meta.id, {
				productIds: null,
				freq: 'week',
				measure: 'units',
			});
			const trimmed = trimPartialPeriods(raw);
			expect(raw.edges?.firstPartial || raw.edges?.lastPartial).toBe(true);

			const res = await forecast.forecastSeries(
				keys,
				{ horizon: 3, models: ['naive'] },
				'w',
				undefined,
				undefined,
				{
					withHistory: true,
				},
			);
			expect(res.leftOut.droppedFirst).toBe(trimmed.droppedFirst);
			expect(res.leftOut.droppedLast).toBe(trimmed.droppedLast);
			expect(Array.from(res.history!.ds)).toEqual(Array.from(trimmed.batch.ds));
			expect(res.periods).toBe(trimmed.batch.ds.length);
			const last = trimmed.batch.ds[trimmed.batch.ds.length - 1];
			expect(Array.from(res.future)).toEqual([1, 2, 3].map((k) => last + k * 7 * 86_400_000));
			expect(res.season).toBe(52);

			const earlier = await forecast.forecastSeries(
				keys,
				{ horizon: 3, models: ['naive'] },
				'w1',
				undefined,
				undefined,
				{
					withHistory: true,
					dropLast: 1,
				},
			);
			expect(earlier.periods).toBe(res.periods - 1);
			// naive: the forecast of a period ago is the last value but one
			expect(earlier.results[0].point[0]).toBe(trimmed.batch.y[trimmed.batch.y.length - 2]);
		});

		it('carries one product’s price into the future (price regressor read over the link)', async () => {
			const [top] = topSellers(await ctx.service.productSummary(meta.id), 1);
			const res = await forecast.forecastSeries(
				{ ...daily([top]), withPrice: true },
				{ horizon: 2, models: ['naive'] },
				'p',
				undefined,
				undefined,
				{ withHistory: true },
			);
			expect(res.history?.regressors?.names).toEqual(['price']);
			expect(res.history!.regressors!.values[0].every((v) => v > 0)).toBe(true);
		});

		it('a missing dataset comes back as the data worker’s coded error', async () => {
			const err = await forecast
				.forecastSeries({ ...daily(null), datasetId: 'nope' }, { horizon: 2 }, 'x')
				.catch((e: unknown) => e);
			expect(toUiError(err).msg?.code).toMatch(/^[a-z_]+$/);
		});

		it('a read waiting on a link that is dropped fails with a code, then a new link works', async () => {
			const pending = forecast.forecastSeries(
				daily(null),
				{ horizon: 2, models: ['naive'] },
				'lost',
			);
			await forecast.disconnectData();
			const err = await pending.catch((e: unknown) => e);
			expect(toUiError(err).msg?.code).toBe(LINK_LOST_CODE);
			// no link at all: the same code, at once
			const none = await forecast
				.forecastSeries(daily(null), { horizon: 2 }, 'none')
				.catch((e: unknown) => e);
			expect(toUiError(none).msg?.code).toBe(LINK_LOST_CODE);
			await link();
			const ok = await forecast.forecastSeries(
				daily(null),
				{ horizon: 2, models: ['naive'] },
				'ok',
			);
			expect(ok.results).toHaveLength(1);
		});

		it('gives the train worker the best sellers’ trimmed series with their price', async () => {
			const { port1, port2 } = channel();
			await dataRemote.connectSeriesPort(Comlink.transfer(port1, [port1]) as never);
			const trainSide = new SeriesLink();
			trainSide.connect(ep(port2));
			const batch = await trainSide.productSeries(meta.id, 'week', 25);
			const summary = await ctx.service.productSummary(meta.id);
			expect(batch.ids).toEqual(topSellers(summary, 25));
			expect(batch.regressors?.names).toEqual(['price']);
			expect(batch.edges?.firstPartial || batch.edges?.lastPartial).toBe(false);
			trainSide.close();
		});
	},
);

describe(
	'DataLink: the UI links a consumer worker to the data worker once per start',
	{ timeout: 60_000 },
	() => {
		/** Worker bridges over channels, counting data-worker starts and port openings. */
		function setup() {
			const stats = { dataStarts: 0, forecastStarts: 0, ports: 0 };
			const endpoint = (port: MessagePort, close: () => void): BridgeEndpoint =>
				Object.assign(port as unknown as Comlink.Endpoint, { terminate: close }) as BridgeEndpoint;
			const dataBridge = new WorkerBridge<SeriesPortWorkerApi>({
				start: () => {
					stats.dataStarts++;
					const c = channel();
					Comlink.expose(
						seriesPortApi(async () => ctx.service),
						ep(c.port1),
					);
					return endpoint(c.port2, () => (c.port1.close(), c.port2.close()));
				},
			});
			const provider = seriesProviderOf(dataBridge, () => stats.ports++);
			const forecastBridge = new WorkerBridge<ForecastWorkerApi>({
				start: () => {
					stats.forecastStarts++;
					const c = channel();
					Comlink.expose(forecastApi, ep(c.port1));
					return endpoint(c.port2, () => (c.port1.close(), c.port2.close()));
				},
			});
			const dataLink = new DataLink(provider, forecastBridge);
			const call = () =>
				forecastBridge.call(async (api) => {
					await dataLink.ensure(api);
					return api.forecastSeries(
						daily(null),
						{ horizon: 2, models: ['naive'] },
						crypto.randomUUID(),
					);
				});
			return { stats, dataBridge, forecastBridge, call };
		}

		it('links once, relinks after the data worker or the forecast worker restarts', async () => {
			const s = setup();
			await Promise.all([s.call(), s.call()]);
			await s.call();
			expect(s.stats).toEqual({ dataStarts: 1, forecastStarts: 1, ports: 1 });
			s.dataBridge.terminate(); // e.g. an import was cancelled
			expect((await s.call()).results).toHaveLength(1);
			expect(s.stats).toEqual({ dataStarts: 2, forecastStarts: 1, ports: 2 });
			s.forecastBridge.terminate(); // idle timeout
			expect((await s.call()).results).toHaveLength(1);
			expect(s.stats).toEqual({ dataStarts: 2, forecastStarts: 2, ports: 3 });
			s.forecastBridge.terminate();
			s.dataBridge.terminate();
		});
	},
);
