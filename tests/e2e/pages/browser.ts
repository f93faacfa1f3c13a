// Starts Debian's Chromium for the e2e tests (never downloads a browser), in a persistent profile in a
// temp dir so IndexedDB and the service worker survive reloads, and records every request so a test
// can assert that nothing left the app's origin.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Flags from STACK-NOTES: no background traffic, no sandbox in containers. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic',
];

/** Records the longest main-thread tasks (Long Tasks API) from the first script on. */
const LONG_TASK_SCRIPT = `
	window.__longTasks = [];
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
		}).observe({ type: 'longtask', buffered: true });
	} catch (e) { window.__longTasks = null; }
`;

export interface Session {
	context: BrowserContext;
	page: Page;
	/** Every request URL seen by the context (pages, dedicated workers, service worker). */
	requests: string[];
	/** Uncaught page errors (pageerror events). */
	pageErrors: string[];
	close(): Promise<void>;
}

/** Launch Chromium with a fresh persistent profile and open one page (browser language en-GB by default). */
export async function launchSession(opts: { locale?: string } = {}): Promise<Session> {
	const profile = mkdtempSync(join(tmpdir(), 'trendcast-e2e-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: '/usr/bin/chromium',
		args: CHROMIUM_ARGS,
		headless: true,
		viewport: { width: 1280, height: 900 },
		timezoneId: 'UTC',
		locale: opts.locale ?? 'en-GB',
		serviceWorkers: 'allow',
	});
	const requests: string[] = [];
	const pageErrors: string[] = [];
	context.on('request', (req) => requests.push(req.url()));
	await context.addInitScript(LONG_TASK_SCRIPT);
	const page = context.pages()[0] ?? (await context.newPage());
	const watch = (p: Page) => {
		p.on('request', (req) => requests.push(req.url()));
		p.on('pageerror', (err) => pageErrors.push(`${err.name}: ${err.message}`));
	};
	watch(page);
	context.on('page', watch);
	return {
		context,
		page,
		requests,
		pageErrors,
		async close() {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		},
	};
}

/** Requests that went anywhere but the app's own origin (data: and blob: URLs are local). */
export function foreignRequests(requests: string[], baseUrl: string): string[] {
	const origin = new URL(baseUrl).origin;
	return requests.filter((u) => {
		if (u.startsWith('data:') || u.startsWith('blob:')) return false;
		try {
			return new URL(u).origin !== origin;
		} catch {
			return true;
		}
	});
}
