// Test files for the e2e tests: a 5,000-line slice of the real online-retail export (written to a temp
// dir) and the small fixtures kept in tests/fixtures.
import { createReadStream, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip, gunzipSync } from 'node:zlib';

/** The real UCI Online Retail export (../shared/data/online_retail), shipped as the app's demo file. */
const RETAIL_GZ = fileURLToPath(
	new URL('../../../public/demo/online-retail.csv.gz', import.meta.url),
);
const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** Data lines in the online-retail export (header excluded). */
const RETAIL_LINES = 336_086;

/**
 * `lines` data lines (plus header) of the online-retail transactions, as a CSV file: every k-th line,
 * so the slice spans all nine months (the first 5,000 lines cover only two days).
 */
export async function retailSlice(lines = 5000): Promise<string> {
	const every = Math.max(1, Math.floor(RETAIL_LINES / lines));
	const out: string[] = [];
	const rl = createInterface({ input: createReadStream(RETAIL_GZ).pipe(createGunzip()) });
	let i = -1;
	for await (const line of rl) {
		if (i === -1 || i % every === 0) out.push(line);
		i++;
		if (out.length > lines) break;
	}
	rl.close();
	const path = join(mkdtempSync(join(tmpdir(), 'trendcast-data-')), 'shop-sales.csv');
	writeFileSync(path, `${out.join('\n')}\n`);
	return path;
}

/** The whole online-retail export (≈ 45 MB) as a CSV file, for the cancel test. */
export function retailFull(): string {
	const path = join(mkdtempSync(join(tmpdir(), 'trendcast-data-')), 'all-sales.csv');
	writeFileSync(path, gunzipSync(readFileSync(RETAIL_GZ)));
	return path;
}

/** A CSV in GBK (Chinese Windows) encoding: 日期,商品编号,商品名称,数量,单价. */
export const GBK_CSV = join(FIXTURES, 'gbk-sales.csv');
/** 30 weeks of one scarf's sales with a single 5,000-unit week (a one-off bulk order). */
export const SPIKE_CSV = join(FIXTURES, 'spike-sales.csv');
/** Product names that contain HTML (must be shown as text, never run). */
export const HTML_NAMES_CSV = join(FIXTURES, 'html-names.csv');
/** Dates like 03/01/2024 that read as day-first and as month-first. */
export const AMBIGUOUS_DATES_CSV = join(FIXTURES, 'ambiguous-dates.csv');
/** Binary junk named .csv. */
export const MALFORMED_CSV = join(FIXTURES, 'malformed-sales.csv');

/** First 2,000 lines of the online-retail export as snappy Parquet (tests/make-format-fixtures.ts). */
export const RETAIL_PARQUET = join(FIXTURES, 'ingest/online-retail.parquet');
