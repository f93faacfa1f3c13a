// Starts Debian's Chromium for the e2e tests (never downloads a browser), in a persistent profile in a
// temp dir so IndexedDB and the service worker survive reloads, and records every request so a test
// can assert that nothing left the app's origin.
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

/** A persistent Chromium context on `profile` as every e2e file and the startup bench open it. */
export function launchContext(profile: string, locale = 'en-GB'): Promise<BrowserContext> {
	return chromium.launchPersistentContext(profile, {
		executablePath: '/usr/bin/chromium',
		args: CHROMIUM_ARGS,
		headless: true,
		viewport: { width: 1280, height: 900 },
		timezoneId: 'UTC',
		locale,
		serviceWorkers: 'allow',
	});
}

/**
 * A profile in which the demo was imported (`demo-button`, as a user does) and its customer insights
 * worked out and kept (as after a first visit to Home or Customers), made once per run by the
 * first file that asks for it and copied by each (`launchSession({ demo })`): importing the demo costs
 * 8–10 s of a quiet 2-core machine (40 s loaded) in every file that needs it only as its starting
 * data. Only the IndexedDB data is kept: the service worker, its caches and localStorage are removed,
 * so a copy starts as a returning visitor with the demo stored and nothing else (the service worker
 * installs afresh, as on a first visit).
 */
async function demoTemplate(): Promise<string> {
	// only inside a test file (the bench scripts use this module too, without vitest)
	const { inject } = await import('vitest');
	const runDir = inject('runDir');
	const dir = join(runDir, 'demo-profile');
	const ready = join(runDir, 'demo-profile.ready');
	if (existsSync(ready)) return dir;
	rmSync(dir, { recursive: true, force: true });
	const baseUrl = inject('baseUrl');
	const context = await launchContext(dir);
	// what the files checked on their own import of the demo: nothing left the origin, no page error
	const requests: string[] = [];
	const pageErrors: string[] = [];
	context.on('request', (req) => requests.push(req.url()));
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		page.on('pageerror', (err) => pageErrors.push(`${err.name}: ${err.message}`));
		await page.goto(baseUrl);
		await page.getByTestId('demo-button').click();
		await page.getByTestId('product-row').first().waitFor({ timeout: 240_000 });
		// a returning visitor has seen Home, so its customer insights are kept on the device (Dexie
		// `customerInsights`): worked out once here, not again in every file that opens Home or Customers
		// (a minute of a core each, competing with the test's own work)
		await page.getByTestId('nav-customers').click();
		await page.getByTestId('segment-table').waitFor({ timeout: 240_000 });
	} finally {
		await context.close();
	}
	const foreign = foreignRequests(requests, baseUrl);
	if (foreign.length || pageErrors.length)
		throw new Error(`The demo import went wrong: ${[...foreign, ...pageErrors].join('; ')}`);
	for (const part of ['Default/Service Worker', 'Default/Local Storage', 'Default/Session Storage'])
		rmSync(join(dir, part), { recursive: true, force: true });
	for (const lock of ['SingletonLock', 'SingletonSocket', 'SingletonCookie'])
		rmSync(join(dir, lock), { force: true });
	writeFileSync(ready, '');
	return dir;
}

/**
 * Launch Chromium with a fresh persistent profile and open one page (browser language en-GB by default).
 * With `demo`, the profile starts as a copy of one where the demo was imported (open it with
 * `AppPage.openDemo()`).
 */
export async function launchSession(
	opts: { locale?: string; demo?: boolean } = {},
): Promise<Session> {
	const profile = mkdtempSync(join(tmpdir(), 'trendcast-e2e-'));
	if (opts.demo) cpSync(await demoTemplate(), profile, { recursive: true });
	const context = await launchContext(profile, opts.locale);
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
