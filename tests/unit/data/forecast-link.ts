// A data service in Node linked to the forecast worker's API as the app links the two workers (the
// series port over a MessageChannel), for the tests of forecasts that read the whole dataset
// (launch-donors, season-groups): real DuckDB, the real series port.
import type * as Comlink from 'comlink';
import { MessageChannel } from 'node:worker_threads';
import type { DatasetMeta } from '../../../src/core/ingest/types';
import { serveSeries } from '../../../workers/data/series-port';
import { api as forecastApi } from '../../../workers/forecast-api';
import { makeService, toInput } from './harness';

/** The data service of the harness. */
export type Service = Awaited<ReturnType<typeof makeService>>['service'];

/**
 * A fresh data service with `csv` imported as dataset `name` (year-month-day dates) and its series
 * served to `forecastApi`; call `unlink()` in afterAll.
 */
export async function linkedService(
	name: string,
	csv: string,
): Promise<{ service: Service; meta: DatasetMeta; unlink: () => void }> {
	const { service } = await makeService();
	const p = await service.previewFile(toInput(`${name}.csv`, csv));
	const meta = await service.commitImport(p.importId, {
		mapping: p.mapping,
		dateOrder: 'ymd',
		datasetName: name,
	});
	const c = new MessageChannel();
	serveSeries(c.port1 as unknown as Comlink.Endpoint, service);
	forecastApi.connectData(c.port2 as unknown as globalThis.MessagePort);
	return {
		service,
		meta,
		unlink() {
			forecastApi.disconnectData();
			c.port1.close();
			c.port2.close();
		},
	};
}
