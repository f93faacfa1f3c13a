// XLSX import at scale and to the second: a 200,000-row workbook (written here by a small writer, dates as
// Excel serial numbers with a date-time format, as Excel stores them) imports completely with every
// timestamp exact (read-excel-file overflowed the stack above ~45k rows in a busy worker and floored
// 08:24:00 to 08:23:59), and zip and gzip bombs stop at the decompressed-size budget with a message
// that says so.
import { deflateRawSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { decompressedLimit, megabytes } from '../../../src/core/ingest/limits';
import {
	excelSerialToMs,
	isDateFormatCode,
	wallClockText,
	xlsxToCsv,
	XlsxError,
} from '../../../src/core/ingest/xlsx';
import { issueText, makeService, toInput } from './harness';
import { excelSerial, writeXlsx, type XlsxCell } from './xlsx-writer';

const ROWS = 200_000;
const BASE = Date.UTC(2011, 0, 1, 8, 24, 0);

/** Row i's sale time: every second of the day turns up, including :00 (the case that lost a second). */
const timeOf = (i: number) => BASE + (i % 300) * 86_400_000 + ((i * 7919) % 36_000) * 1000;

function bigWorkbook(): Uint8Array {
	const rows: XlsxCell[][] = [['InvoiceNo', 'StockCode', 'Quantity', 'InvoiceDate', 'UnitPrice']];
	for (let i = 0; i < ROWS; i++)
		rows.push([`5${i}`, `SKU-${i % 500}`, (i % 7) + 1, new Date(timeOf(i)), 2.55]);
	return writeXlsx(rows);
}

describe('Excel serial dates', () => {
	it('round to the millisecond: 08:24:00 stays 08:24:00', () => {
		const d = Date.UTC(2011, 0, 1, 8, 24, 0);
		// 40544.35 is what Excel stores for 2011-01-01 08:24; flooring gave 08:23:59.999.
		expect(excelSerial(new Date(d))).toBe(40544.35);
		expect(excelSerialToMs(40544.35)).toBe(d);
		expect(wallClockText(excelSerialToMs(40544.35))).toBe('2011-01-01 08:24:00');
		expect(wallClockText(excelSerialToMs(40544.35 + 0.5 / 86400))).toBe('2011-01-01 08:24:00.500');
		// The 1904 system (old Mac Excel) is 1,462 days later.
		expect(wallClockText(excelSerialToMs(39082.35, true))).toBe('2011-01-01 08:24:00');
	});

	it.each([
		['yyyy-mm-dd hh:mm:ss', true],
		['[$-804]yyyy"年"m"月"d"日"', true],
		['h:mm AM/PM', true],
		['[h]:mm', true],
		['0.00', false],
		['#,##0 "days"', false],
		['[Red]0.00', false],
		['General', false],
		['0.00E+00', false],
	])('%s is a date format: %s', (code, date) => expect(isDateFormatCode(code)).toBe(date));
});

describe('a 200,000-row workbook', () => {
	let bytes: Uint8Array;
	beforeAll(() => {
		bytes = bigWorkbook();
	}, 120_000);

	it('reads every row with exact times', () => {
		const lines = xlsxToCsv(bytes, { maxBytes: decompressedLimit(bytes.length) }).split('\n');
		expect(lines.length).toBe(ROWS + 1);
		expect(lines[0]).toBe('InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice');
		expect(lines[1]).toBe('50,SKU-0,1,2011-01-01 08:24:00,2.55');
		let wrong = 0;
		for (let i = 0; i < ROWS; i++) {
			const date = lines[i + 1].split(',')[3];
			if (date !== wallClockText(timeOf(i))) wrong++;
		}
		expect(wrong).toBe(0);
	}, 120_000);

	it('imports through the data service: all rows, first and last time exact', async () => {
		const { service } = await makeService();
		const p = await service.previewFile(toInput('big.xlsx', bytes));
		expect(p.format).toBe('xlsx');
		expect(p.rowCount).toBe(ROWS);
		expect(p.issues.filter((i) => i.severity === 'error')).toEqual([]);
		const meta = await service.commitImport(p.importId, {
			mapping: p.mapping,
			dateOrder: p.dateOrder,
			datasetName: 'big',
		});
		expect(meta.report.rowsImported).toBe(ROWS);
		const r = await service.runSql(
			meta.id,
			"SELECT min(ds), max(ds), count(*) FILTER (WHERE strftime(ds, '%S') = '00') FROM sales",
		);
		let min = Infinity;
		let max = -Infinity;
		let onTheMinute = 0;
		for (let i = 0; i < ROWS; i++) {
			const t = timeOf(i);
			if (t < min) min = t;
			if (t > max) max = t;
			if ((t / 1000) % 60 === 0) onTheMinute++;
		}
		expect(onTheMinute).toBeGreaterThan(1000);
		expect(r.rows[0]).toEqual([wallClockText(min), wallClockText(max), onTheMinute]);
	}, 240_000);
});

/** A one-entry zip (the part named `name`) whose deflated data unpacks to `size` zero bytes. */
function zipBomb(name: string, size: number): Uint8Array {
	const data = deflateRawSync(Buffer.alloc(size), { level: 9 });
	const nameBytes = Buffer.from(name);
	const local = Buffer.alloc(30);
	local.writeUInt32LE(0x04034b50, 0);
	local.writeUInt16LE(20, 4);
	local.writeUInt16LE(8, 8); // deflate
	local.writeUInt32LE(data.length, 18);
	local.writeUInt32LE(size, 22);
	local.writeUInt16LE(nameBytes.length, 26);
	const central = Buffer.alloc(46);
	central.writeUInt32LE(0x02014b50, 0);
	central.writeUInt16LE(20, 4);
	central.writeUInt16LE(20, 6);
	central.writeUInt16LE(8, 10);
	central.writeUInt32LE(data.length, 20);
	central.writeUInt32LE(size, 24);
	central.writeUInt16LE(nameBytes.length, 28);
	const cdOffset = local.length + nameBytes.length + data.length;
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(1, 8);
	end.writeUInt16LE(1, 10);
	end.writeUInt32LE(central.length + nameBytes.length, 12);
	end.writeUInt32LE(cdOffset, 16);
	return new Uint8Array(Buffer.concat([local, nameBytes, data, central, nameBytes, end]));
}

describe('decompression bombs', () => {
	const MB = 1024 * 1024;
	/** A small budget so the test stays fast; the real budget is checked below (decompressedLimit). */
	const LIMIT = 16 * MB;
	const BOMB = 40 * MB;

	it('an XLSX whose sheet unpacks past the budget is refused, saying so', async () => {
		const bomb = zipBomb('xl/worksheets/sheet1.xml', BOMB);
		expect(bomb.length).toBeLessThan(MB);
		expect(() => xlsxToCsv(bomb, { maxBytes: LIMIT })).toThrow(XlsxError);
		const { service } = await makeService(undefined, { unpackLimit: () => LIMIT });
		const p = await service.previewFile(toInput('bomb.xlsx', bomb));
		const issue = p.issues.find((i) => i.code === 'decompression-limit');
		expect(issue?.severity).toBe('error');
		expect(issue?.msg).toEqual({
			code: 'import_unpacked_too_big',
			params: { file: 'bomb.xlsx', limitMb: megabytes(LIMIT) },
		});
		expect(issueText(issue)).toMatch(/^bomb\.xlsx unpacks to more than 16 MB/);
		expect(p.columns).toEqual([]);
	}, 60_000);

	it('a gzip CSV that unpacks past the budget is refused, saying so', async () => {
		const bomb = gzipSync(Buffer.alloc(BOMB, 'a'), { level: 9 });
		const { service } = await makeService(undefined, { unpackLimit: () => LIMIT });
		const p = await service.previewFile(toInput('sales.csv.gz', new Uint8Array(bomb)));
		expect(p.issues.map((i) => [i.code, i.msg?.code])).toEqual([
			['decompression-limit', 'import_unpacked_too_big'],
		]);
		expect(p.issues[0].msg?.params).toMatchObject({ file: 'sales.csv.gz', limitMb: 16 });
	}, 60_000);

	it('the service budget is the real one by default', async () => {
		const bomb = zipBomb('xl/worksheets/sheet1.xml', BOMB);
		// 40 MB unpacked is within the 200 MB floor: not refused for size (it is not a real sheet, though).
		const { service } = await makeService();
		const p = await service.previewFile(toInput('zeros.xlsx', bomb));
		expect(p.issues.map((i) => i.code)).not.toContain('decompression-limit');
	}, 60_000);

	it('the budget is 50× the packed size, at least 200 MB, at most 1.5 GB', () => {
		const MB = 1024 * 1024;
		expect(decompressedLimit(1 * MB)).toBe(200 * MB);
		expect(decompressedLimit(10 * MB)).toBe(500 * MB);
		expect(decompressedLimit(100 * MB)).toBe(1536 * MB);
		expect(megabytes(1536 * MB)).toBe(1536);
		expect(megabytes(1000)).toBe(0.1);
		expect(megabytes(5.25 * MB)).toBe(5.3);
	});
});
