// Writes the Parquet and JSON import fixtures in tests/fixtures/ingest/ from the first SLICE_LINES lines
// of the real UCI Online Retail demo file (public/demo/online-retail.csv.gz). Run once after changing it:
//   npx tsx tests/make-format-fixtures.ts
// The tests compute their expected values from the CSV slice itself, not from these files.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { demoHead, ROOT, splitCsvLine } from './unit/data/harness';

/** Header + 1,999 rows: 26 returns and 34 exact duplicate rows among them. */
const SLICE_LINES = 2000;
const OUT = join(ROOT, 'tests/fixtures/ingest');

const lines = demoHead(SLICE_LINES)
	.split('\n')
	.filter((l) => l !== '');
const rows = lines.slice(1).map((l) => splitCsvLine(l));
const col = (i: number) => rows.map((r) => r[i]);
const invoiceDate = col(4).map((t) => new Date(`${t.replace(' ', 'T')}Z`));
if (invoiceDate.some((d) => Number.isNaN(d.getTime()))) throw new Error('unexpected InvoiceDate');
const customer = col(6).map((t) => (t === '' ? null : Number(t)));

// Snappy (hyparquet-writer's default codec): string, INT32, DOUBLE, TIMESTAMP and nullable INT32 columns.
const snappy = parquetWriteBuffer({
	columnData: [
		{ name: 'InvoiceNo', data: col(0), type: 'STRING' },
		{ name: 'StockCode', data: col(1), type: 'STRING' },
		{ name: 'Description', data: col(2), type: 'STRING' },
		{ name: 'Quantity', data: col(3).map(Number), type: 'INT32' },
		{ name: 'InvoiceDate', data: invoiceDate, type: 'TIMESTAMP' },
		{ name: 'UnitPrice', data: col(5).map(Number), type: 'DOUBLE' },
		{ name: 'CustomerID', data: customer, type: 'INT32', nullable: true },
		{ name: 'Country', data: col(7), type: 'STRING' },
	],
	rowGroupSize: 700, // several row groups
});
writeFileSync(join(OUT, 'online-retail.parquet'), new Uint8Array(snappy));

// GZIP pages (needs hyparquet-compressors to read), DATE day column and INT64 quantities.
const days = invoiceDate.map((d) => new Date(d.toISOString().slice(0, 10)));
const gzip = parquetWriteBuffer({
	codec: 'GZIP',
	compressors: { GZIP: (input: Uint8Array) => new Uint8Array(gzipSync(input)) },
	columnData: [
		{ name: 'InvoiceNo', data: col(0) },
		{ name: 'StockCode', data: col(1) },
		{ name: 'Description', data: col(2) },
		{ name: 'Quantity', data: col(3).map(BigInt) },
		{ name: 'InvoiceDate', data: days },
		{ name: 'UnitPrice', data: col(5).map(Number) },
		{ name: 'CustomerID', data: customer },
		{ name: 'Country', data: col(7) },
	],
	schema: [
		{ name: 'root', num_children: 8 },
		{ name: 'InvoiceNo', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
		{ name: 'StockCode', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
		{
			name: 'Description',
			type: 'BYTE_ARRAY',
			converted_type: 'UTF8',
			repetition_type: 'OPTIONAL',
		},
		{ name: 'Quantity', type: 'INT64', repetition_type: 'REQUIRED' },
		{ name: 'InvoiceDate', type: 'INT32', converted_type: 'DATE', repetition_type: 'REQUIRED' },
		{ name: 'UnitPrice', type: 'DOUBLE', repetition_type: 'REQUIRED' },
		{ name: 'CustomerID', type: 'INT32', repetition_type: 'OPTIONAL' },
		{ name: 'Country', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
	],
});
writeFileSync(join(OUT, 'online-retail-gzip-dates.parquet'), new Uint8Array(gzip));

// JSON: an array of objects and NDJSON (one object per line), numbers as JSON numbers.
const records = rows.map((r, i) => ({
	InvoiceNo: r[0],
	StockCode: r[1],
	Description: r[2],
	Quantity: Number(r[3]),
	InvoiceDate: r[4],
	UnitPrice: Number(r[5]),
	CustomerID: customer[i],
	Country: r[7],
}));
writeFileSync(join(OUT, 'online-retail.json'), JSON.stringify(records) + '\n');
writeFileSync(
	join(OUT, 'online-retail.ndjson'),
	records.map((r) => JSON.stringify(r)).join('\n') + '\n',
);
