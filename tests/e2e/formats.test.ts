// E2E: a Parquet export goes through the file picker of the built app and its products show up, with
// no request outside the app's origin (DuckDB-WASM's own Parquet reader would be downloaded from
// extensions.duckdb.org; the data worker reads Parquet with hyparquet instead).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppPage, SLOW_MS } from './pages/app-page';
import { foreignRequests, launchSession, type Session } from './pages/browser';
import { RETAIL_PARQUET } from './pages/fixtures';

/**
 * Rows the 1,999-row slice keeps after duplicates, returns and its 5 postage lines (non-product, left
 * out by default; checked in tests/unit/data/import-formats).
 */
const IMPORTED_ROWS = 1932;

describe('import other file formats', () => {
	const baseUrl = inject('baseUrl');
	let session: Session;
	let app: AppPage;

	beforeAll(async () => {
		session = await launchSession();
		app = new AppPage(session.page, baseUrl);
		await app.open();
	});

	afterAll(async () => {
		await session?.close();
	});

	it('imports a Parquet file offline and shows its products', async () => {
		expect(await app.pickFile(RETAIL_PARQUET)).toBe('mapping');
		expect(await app.roleOf('InvoiceDate')).toBe('date');
		expect(await app.roleOf('StockCode')).toBe('product');
		expect(await app.roleOf('Quantity')).toBe('quantity');
		await app.confirmImport();
		expect(await app.rowsImported()).toBe(IMPORTED_ROWS);
		// The slice is one day (2010-12-01), so the chart is a single point: check the product list.
		await session.page.getByTestId('go-explore').click();
		const rows = session.page.getByTestId('product-row');
		await rows.first().waitFor({ timeout: SLOW_MS });
		expect(await rows.count()).toBeGreaterThan(0);
		expect(foreignRequests(session.requests, baseUrl)).toEqual([]);
		expect(session.pageErrors).toEqual([]);
	});
});
