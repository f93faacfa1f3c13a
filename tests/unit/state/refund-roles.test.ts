// The mapping dialog (MappingTable lists ROLES as `role_<role>`) offers the refund and discount roles
// with words in English and Chinese, and the owner can give a column one of them and take it back.
import { describe, expect, it } from 'vitest';
import type { ColumnMapping, ImportPreview } from '../../../src/core/ingest/types';
import type { DataClient } from '../../../src/lib/workers/data-client';
import { translate } from '../../../src/lib/i18n/translate';
import type { DatasetStore } from '../../../src/state/dataset-store.svelte';
import { ImportFlow, ROLES } from '../../../src/state/import-flow.svelte';

const NEW_ROLES = ['refundQty', 'refundAmount', 'discount', 'orderDiscount'] as const;

describe('refund and discount roles in the mapping dialog', () => {
	it('are offered, each worded in English and Chinese', () => {
		for (const role of NEW_ROLES) expect(ROLES).toContain(role);
		const words = NEW_ROLES.map((r) => [
			translate('en', `role_${r}`),
			translate('zh-CN', `role_${r}`),
		]);
		expect(words).toEqual([
			['Units refunded later', '退款数量'],
			['Amount refunded (line)', '退款金额（本行）'],
			['Discount (line)', '优惠金额（本行）'],
			['Discount (whole order)', '优惠金额（整单）'],
		]);
	});

	it('can be picked for a column and unpicked again', async () => {
		const mapping: ColumnMapping = {
			date: 'Order Date',
			quantity: 'Quantity',
			refundQty: 'Qty Refunded',
		};
		const preview = {
			importId: 'i1',
			fileName: 'orders.csv',
			columns: [],
			mapping,
			dateOrder: 'mdy',
			dateOrderAmbiguous: false,
			issues: [],
			rowCount: 3,
		} as unknown as ImportPreview;
		const client = {
			previewFile: async () => preview,
			validateMapping: async () => ({ issues: [], dateOrder: 'mdy', dateOrderAmbiguous: false }),
		} as unknown as DataClient;
		const flow = new ImportFlow(client, { datasets: [] } as unknown as DatasetStore);
		await flow.start({ name: 'orders.csv', arrayBuffer: async () => new ArrayBuffer(0) });
		flow.setRole('Qty Refunded', '');
		expect(flow.mapping.refundQty).toBeUndefined();
		flow.setRole('Cart Discount Amount', 'orderDiscount');
		flow.setRole('Qty Refunded', 'refundQty');
		expect(flow.mapping).toMatchObject({
			quantity: 'Quantity',
			refundQty: 'Qty Refunded',
			orderDiscount: 'Cart Discount Amount',
		});
	});
});
