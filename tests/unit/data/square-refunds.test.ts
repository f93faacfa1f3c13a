// A Square "Item Sales" export marks each line's event in "Event Type": Payment (a sale) or Refund. The
// refund lines carry a positive Qty and negative money, so without the column they counted as sales.
// End to end in Node (real DuckDB-WASM + fake-indexeddb) on a fixture with Square's real headers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueText, makeService, toInput } from './harness';

const bytes = () =>
	new Uint8Array(readFileSync(join(__dirname, '../../fixtures/ingest/square-item-sales.csv')));

let service: Awaited<ReturnType<typeof makeService>>['service'];
beforeAll(async () => {
	service = (await makeService()).service;
}, 60_000);

describe('Square refunds', () => {
	it('maps Event Type as the status and keeps Refund lines out of the sales', async () => {
		const p = await service.previewFile(toInput('items-2025-03.csv', bytes()));
		expect(p.mapping).toMatchObject({
			date: 'Date',
			product: 'SKU',
			quantity: 'Qty',
			order: 'Transaction ID',
			status: 'Event Type',
		});
		const meta = await service.commitImport(p.importId, {
			mapping: p.mapping,
			dateOrder: p.dateOrder,
			datasetName: p.fileName,
		});
		const units = Object.fromEntries(
			(await service.productSummary(meta.id)).map((s) => [s.productId, s.units]),
		);
		// LS-M: 2 sold, the one of transaction Hm3zR8wLq4 fully refunded (cancels its sale);
		// SC-1: 2 sold in one transaction, 1 refunded (kept apart as a return, the sale stands);
		// WJ-30: 3 sold, nothing refunded.
		expect(units).toEqual({ 'LS-M': 1, 'SC-1': 2, 'WJ-30': 3 });
		expect(meta.report.rowsImported).toBe(4);
		expect(meta.report.returnRows).toBe(2);
		expect(meta.report.returnUnits).toBe(2);
		expect(meta.report.cancelledRows).toBe(1);
		const returns = meta.report.issues.find((i) => i.code === 'returns');
		expect(issueText(returns)).toContain('“Refund” in Event Type');
		expect(issueText(returns, 'zh-CN')).toContain('“Event Type”列为 Refund');
		const cancelled = meta.report.issues.find((i) => i.code === 'cancelled');
		expect(issueText(cancelled)).toContain('same customer or order');
	}, 60_000);

	it('counts the refunds as sales again when the owner unmaps Event Type', async () => {
		const p = await service.previewFile(toInput('items-2025-03.csv', bytes()));
		const { status: _status, ...mapping } = p.mapping;
		const meta = await service.commitImport(p.importId, {
			mapping,
			dateOrder: p.dateOrder,
			datasetName: p.fileName,
		});
		const units = Object.fromEntries(
			(await service.productSummary(meta.id)).map((s) => [s.productId, s.units]),
		);
		expect(units).toEqual({ 'LS-M': 3, 'SC-1': 3, 'WJ-30': 3 });
	}, 60_000);
});
