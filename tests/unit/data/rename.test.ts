// Renaming a stored dataset (workers/data/rename.ts through the data service): a shop that adds each
// week's export to one dataset keeps the first file's name until it renames it (walk13).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listStoredDatasets } from '../../../workers/data/listing';
import { MAX_DATASET_NAME } from '../../../workers/data/rename';
import { translate } from '../../../src/lib/i18n/translate';
import { makeService, toInput } from './harness';

let ctx: Awaited<ReturnType<typeof makeService>>;
beforeAll(async () => {
	ctx = await makeService();
}, 60_000);
afterAll(() => ctx.db.close());

async function stored(): Promise<string> {
	const csv = 'date,sku,qty\n2024-01-02,A,1\n2024-01-09,A,2\n';
	const p = await ctx.service.previewFile(toInput('leeds_orders_w1.csv', csv));
	const meta = await ctx.service.commitImport(p.importId, {
		mapping: p.mapping,
		dateOrder: p.dateOrder,
		datasetName: p.fileName,
	});
	return meta.id;
}

describe('renaming a dataset', () => {
	it('stores the new name, trimmed with its spaces collapsed, and lists it', async () => {
		const id = await stored();
		const meta = await ctx.service.renameDataset(id, '  Leeds   shop orders ');
		expect(meta.name).toBe('Leeds shop orders');
		expect((await ctx.db.datasets.get(id))?.name).toBe('Leeds shop orders');
		const listed = (await listStoredDatasets(ctx.db)).find((d) => d.id === id);
		expect(listed?.name).toBe('Leeds shop orders');
		expect(listed?.rowCount).toBe(2);
		// a Chinese name, kept as typed
		expect((await ctx.service.renameDataset(id, '上海淘宝店 订单')).name).toBe('上海淘宝店 订单');
	}, 60_000);

	it('refuses an empty or too long name with a coded message, and keeps the old name', async () => {
		const id = await stored();
		await expect(ctx.service.renameDataset(id, '   ')).rejects.toMatchObject({
			code: 'data_dataset_name_invalid',
		});
		await expect(
			ctx.service.renameDataset(id, 'x'.repeat(MAX_DATASET_NAME + 1)),
		).rejects.toMatchObject({ code: 'data_dataset_name_invalid' });
		expect((await ctx.db.datasets.get(id))?.name).toBe('leeds_orders_w1.csv');
		expect(translate('en', 'data_dataset_name_invalid', { max: MAX_DATASET_NAME })).toBe(
			'A dataset name needs at least 1 character and at most 120 characters.',
		);
		expect(translate('zh-CN', 'data_dataset_name_invalid', { max: MAX_DATASET_NAME })).toBe(
			'数据集名称需要 1 到 120 个字符。',
		);
	}, 60_000);

	it('says the dataset is gone when it was deleted', async () => {
		const id = await stored();
		await ctx.service.deleteDataset(id);
		await expect(ctx.service.renameDataset(id, 'New')).rejects.toMatchObject({
			code: 'data_dataset_gone',
		});
	}, 60_000);
});
