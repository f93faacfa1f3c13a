// The built-in demo (UCI Online Retail, a UK gift shop): fetched, previewed and committed like any sales
// file, under one fixed id so tabs importing it at the same time store it once.
import type { DatasetMeta } from '../../src/core/ingest/types';
import { codedError } from './coded-error';
import { progress, type DataContext, type ProgressFn } from './context';
import { commitStaged } from './sales/commit';
import { previewFile } from './sales/preview';
import { DEMO_DATASET_ID, DEMO_DATASET_NAME } from '../../src/core/demo';

/** Fixed id of the demo dataset (src/core/demo.ts): tabs importing the demo at once store it once. */
export { DEMO_DATASET_ID };
/** The demo is a UK shop: its prices are in pounds (the file does not say so). */
export const DEMO_CURRENCY = 'GBP';

/** Imports the demo, or returns it when it is already stored (by this tab or another). */
export async function loadDemo(ctx: DataContext, onProgress?: ProgressFn): Promise<DatasetMeta> {
	const { deps } = ctx;
	// Already stored (by this tab or another): open it rather than store a copy.
	const existing = await ctx.db.datasets.get(DEMO_DATASET_ID);
	if (existing) return existing;
	progress(onProgress, 'downloading', 0, 1);
	let buf: ArrayBuffer;
	if (deps.fetchDemo) buf = await deps.fetchDemo();
	else {
		const res = await fetch(deps.demoUrl ?? '/demo/online-retail.csv.gz');
		if (!res.ok) throw codedError('DemoUnavailable', 'data_demo_http', { status: res.status });
		buf = await res.arrayBuffer();
	}
	const preview = await previewFile(ctx, { name: 'online-retail.csv.gz', bytes: buf }, onProgress);
	const err = preview.issues.find((i) => i.severity === 'error');
	if (err)
		throw codedError('DemoUnavailable', err.msg?.code ?? err.code, err.msg?.params ?? err.params);
	return commitStaged(
		ctx,
		preview.importId,
		{
			mapping: preview.mapping,
			dateOrder: preview.dateOrder,
			datasetName: DEMO_DATASET_NAME,
			currency: DEMO_CURRENCY,
		},
		onProgress,
		DEMO_DATASET_ID,
	);
}
