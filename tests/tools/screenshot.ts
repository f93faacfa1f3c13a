// Takes public/screenshot.png (the README picture): opens the built app in Debian's Chromium, loads the
// demo data, draws a forecast and captures the Forecast screen.
// Usage: npm run build && npx vite preview & npx tsx tests/tools/screenshot.ts [http://localhost:4173/]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../e2e/pages/browser';

const url = process.argv[2] ?? 'http://localhost:4173/';
const out = fileURLToPath(new URL('../../public/screenshot.png', import.meta.url));
const profile = mkdtempSync(join(tmpdir(), 'trendcast-shot-'));
const context = await chromium.launchPersistentContext(profile, {
	executablePath: '/usr/bin/chromium',
	args: CHROMIUM_ARGS,
	headless: true,
	viewport: { width: 1280, height: 1000 },
	deviceScaleFactor: 1,
	timezoneId: 'UTC',
	locale: 'en-GB',
	serviceWorkers: 'block',
});
try {
	const page = context.pages()[0] ?? (await context.newPage());
	await page.goto(url);
	await page.getByTestId('demo-button').click();
	await page.getByTestId('product-row').first().waitFor({ timeout: 180_000 });
	await page.getByTestId('nav-forecast').click();
	await page.getByTestId('run-forecast').click();
	await page.getByTestId('chart-band').first().waitFor({ timeout: 180_000 });
	const chart = page.getByTestId('forecast-chart').locator('svg');
	const box = await chart.boundingBox();
	if (box) await page.mouse.move(box.x + box.width * 0.86, box.y + box.height * 0.5);
	await page.screenshot({ path: out, fullPage: false });
	console.log(`wrote ${out}`);
} finally {
	await context.close();
	rmSync(profile, { recursive: true, force: true });
}
