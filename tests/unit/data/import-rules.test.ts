// The import rules that make real shop exports right, end to end in Node (real DuckDB-WASM +
// fake-indexeddb): a date column chosen by hand is re-checked on every mapping change (Unix
// timestamps, Excel serials, "pending" dates).
import { beforeAll, describe, expect, it } from 'vitest';
import type { ColumnMapping, ImportPreview } from '../../../src/core/ingest/types';
import { makeService, toInput } from './harness';

let service: Awaited<ReturnType<typeof makeService>>['service'];
beforeAll(async () => {
	service = (await makeService()).service;
}, 60_000);

const commit = (p: ImportPreview, mapping: ColumnMapping = p.mapping, datasetName = p.fileName) =>
	service.commitImport(p.importId, { mapping, dateOrder: p.dateOrder, datasetName });
const errors = (issues: { severity: string; code: string }[]) =>
	issues.filter((i) => i.severity === 'error').map((i) => i.code);

describe('choosing the date column by hand', () => {
	const epochCsv = [
		'when,sku,qty',
		'1295308800,A,2', // 2011-01-18 00:00 UTC
		'1295395200,A,3',
		'1295913600,B,1', // 2011-01-25
		'1296518400,A,4', // 2011-02-01
	].join('\n');

	it('clears the "no date column" error once a column is chosen, and reads epoch seconds', async () => {
		const p = await service.previewFile(toInput('epoch.csv', epochCsv));
		expect(p.mapping.date).toBeUndefined();
		expect(errors(p.issues)).toContain('no-date-column');
		const mapping = { ...p.mapping, date: 'when' };
		const check = await service.validateMapping(p.importId, mapping);
		expect(errors(check.issues)).toEqual([]);
		expect(check.dateOrderAmbiguous).toBe(false);
		const meta = await commit(p, mapping);
		expect(meta.report.rowsImported).toBe(4);
		expect(meta.report.invalidRows).toBe(0);
		expect(new Date(meta.dateMin).toISOString()).toBe('2011-01-18T00:00:00.000Z');
		expect(new Date(meta.dateMax).toISOString()).toBe('2011-02-01T00:00:00.000Z');
		const s = await service.querySeries(meta.id, {
			productIds: ['A'],
			freq: 'week',
			measure: 'units',
		});
		expect(Array.from(s.y)).toEqual([5, 0, 4]);
	}, 60_000);

	it('reads epoch milliseconds and Excel serial days', async () => {
		const csv = ['stamp,serial,sku', '1295308800000,40561,A', '1296518400000,40573,A'].join('\n');
		const p = await service.previewFile(toInput('ms.csv', csv));
		for (const col of ['stamp', 'serial']) {
			const mapping = { product: 'sku', date: col };
			expect(errors((await service.validateMapping(p.importId, mapping)).issues)).toEqual([]);
		}
		const byMs = await commit(p, { product: 'sku', date: 'stamp' });
		expect(new Date(byMs.dateMin).toISOString()).toBe('2011-01-18T00:00:00.000Z');
		const p2 = await service.previewFile(toInput('ms.csv', csv));
		const bySerial = await commit(p2, { product: 'sku', date: 'serial' });
		expect(new Date(bySerial.dateMax).toISOString()).toBe('2011-01-30T00:00:00.000Z');
	}, 60_000);

	it('says so when the chosen column holds no dates, and accepts the right one after', async () => {
		const p = await service.previewFile(toInput('epoch.csv', epochCsv));
		const wrong = await service.validateMapping(p.importId, { date: 'sku', quantity: 'qty' });
		const issue = wrong.issues.find((i) => i.code === 'import_date_column_unreadable');
		expect(issue).toMatchObject({ severity: 'error', column: 'sku', params: { column: 'sku' } });
		const right = await service.validateMapping(p.importId, { date: 'when', quantity: 'qty' });
		expect(errors(right.issues)).toEqual([]);
	}, 60_000);

	it('imports a half-"pending" date column, leaving the undated rows out with a note', async () => {
		const csv = [
			'Name,Paid at,Lineitem sku,Lineitem quantity',
			'#1001,2024-03-01 10:00:00 +0000,A,1',
			'#1002,pending,A,2',
			'#1003,2024-03-02 11:00:00 +0000,B,1',
			'#1004,pending,B,5',
			'#1005,pending,A,1',
		].join('\n');
		const p = await service.previewFile(toInput('orders_export.csv', csv));
		expect(p.mapping.date).toBe('Paid at');
		expect(errors(p.issues)).toEqual([]);
		const meta = await commit(p);
		expect(meta.report.rowsImported).toBe(2);
		expect(meta.report.invalidRows).toBe(3);
		const pending = meta.report.issues.find((i) => i.code === 'import_pending_dates');
		expect(pending).toMatchObject({ severity: 'warning', row: 2, count: 3 });
		expect(pending?.params).toMatchObject({ n: 3, value: 'pending', column: 'Paid at' });
		expect(meta.report.issues.find((i) => i.code === 'bad-date')).toBeUndefined();
	}, 60_000);
});
