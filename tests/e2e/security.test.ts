// E2E: nothing leaves the device through the SQL console. A query naming a URL on another local port is
// refused with a clear message and that port receives no request; DuckDB in the data worker reports
// external access and extension auto-loading off and its configuration locked; worker scripts are served
// with the CSP header (by `vite preview`, and by the service worker from its cache when offline).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { foreignRequests, launchSession, type Session } from './pages/browser';
import { SPIKE_CSV } from './pages/fixtures';

describe('the SQL console cannot reach other origins', () => {
	const baseUrl = inject('baseUrl');
	let session: Session;
	let app: AppPage;
	let server: Server;
	/** Requests the "other origin" received. */
	const hits: string[] = [];
	let other = '';

	beforeAll(async () => {
		server = createServer((req, res) => {
			hits.push(req.url ?? '');
			res.setHeader('Access-Control-Allow-Origin', '*');
			res.end('date,sku,qty\n2024-01-01,STOLEN,1\n');
		});
		await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
		other = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		session = await launchSession();
		app = new AppPage(session.page, baseUrl);
		await app.open();
		expect(await app.pickFile(SPIKE_CSV)).toBe('mapping');
		await app.confirmImport();
		await app.exploreSales();
		await session.page.getByTestId('sql-panel').locator('summary').click();
	});

	afterAll(async () => {
		await session?.close();
		await new Promise((r) => server?.close(r));
	});

	async function run(sql: string) {
		const page = session.page;
		await page.getByTestId('sql-text').fill(sql);
		await page.getByTestId('sql-run').click();
		const out = page.getByTestId('sql-error').or(page.getByTestId('sql-result'));
		await out.first().waitFor();
		await expect.poll(() => page.getByTestId('sql-run').isDisabled()).toBe(false);
	}

	it.each([
		"SELECT * FROM read_csv('{other}/sales.csv')",
		"SELECT * FROM '{other}/sales.parquet'",
		"SELECT content FROM read_text('{other}/secret.txt')",
		"SELECT * FROM read_json_auto('{other}/x.json')",
	])('refuses %s with a clear message', async (query) => {
		await run(query.replace('{other}', other));
		const text = (await session.page.getByTestId('sql-error').textContent()) ?? '';
		expect(text).toMatch(/Reading files or web addresses is switched off/);
		expect(text).not.toMatch(/Permission Error|Catalog Error/);
	});

	it('runs DuckDB with external access and extension loading off, locked', async () => {
		await run(
			"SELECT current_setting('enable_external_access') AS ext, current_setting('autoload_known_extensions') AS autoload, current_setting('autoinstall_known_extensions') AS autoinstall, current_setting('lock_configuration') AS locked",
		);
		const cells = session.page.getByTestId('sql-result').locator('tbody td');
		expect(await cells.allTextContents()).toEqual(['false', 'false', 'false', 'true']);
	});

	it('sent nothing to the other port', async () => {
		await new Promise((r) => setTimeout(r, 500));
		expect(hits).toEqual([]);
		expect(foreignRequests(session.requests, baseUrl)).toEqual([]);
	});

	it('serves worker scripts with the CSP header, also from the service worker when offline', async () => {
		const worker = session.requests.find((u) => /\/assets\/data\.worker-[^/]+\.js$/.test(u));
		expect(worker, 'the data worker script was requested').toBeDefined();
		const res = await fetch(worker!);
		const csp = res.headers.get('content-security-policy') ?? '';
		expect(csp).toContain("connect-src 'self'");
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).not.toMatch(/https?:|\*/);

		await app.waitForServiceWorkerControl();
		await session.context.setOffline(true);
		try {
			const fromCache = await session.page.evaluate(async (url) => {
				const r = await fetch(url);
				return { ok: r.ok, csp: r.headers.get('content-security-policy') };
			}, worker!);
			expect(fromCache.ok).toBe(true);
			expect(fromCache.csp).toBe(csp);
		} finally {
			await session.context.setOffline(false);
		}
		expect(session.pageErrors).toEqual([]);
	});
});
