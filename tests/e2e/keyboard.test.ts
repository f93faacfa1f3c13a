// E2E: every screen from the keyboard alone, in English and Chinese (issue #16). Screens are opened from
// the tab bar with arrows and Enter; Tab then walks each screen's controls, and every control it
// reaches must be on screen with a visible focus indicator. Tasks done with Tab, typing, arrows and
// Enter only: a forecast, a passphrase-protected share link, and the language switch.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppPage, SLOW_MS } from './pages/app-page';
import { launchSession, type Session } from './pages/browser';

const SCREENS = [
	'home',
	'import',
	'explore',
	'forecast',
	'plan',
	'customers',
	'market',
	'models',
	'report',
	'settings',
];

/** Tabs pressed per screen at most (the long tables have far more controls). */
const MAX_TABS = 40;

interface Focused {
	testid: string | null;
	tag: string;
	visible: boolean;
	ring: boolean;
	inNav: boolean;
	inMain: boolean;
}

const focused = (page: Page): Promise<Focused> =>
	page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		if (!el || el === document.body)
			return {
				testid: null,
				tag: 'body',
				visible: false,
				ring: false,
				inNav: false,
				inMain: false,
			};
		const r = el.getBoundingClientRect();
		const s = getComputedStyle(el);
		// the ring is the element's outline or box shadow, or (a visually hidden file input) its label's
		const own =
			(s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
		const label = el.closest('label');
		const ls = label ? getComputedStyle(label) : null;
		const viaLabel =
			!!ls &&
			((ls.outlineStyle !== 'none' && parseFloat(ls.outlineWidth) > 0) || ls.boxShadow !== 'none');
		const box = label && r.width * r.height <= 1 ? label.getBoundingClientRect() : r;
		return {
			testid: el.getAttribute('data-testid'),
			tag: el.tagName.toLowerCase(),
			visible: box.width > 0 && box.height > 0,
			ring: own || viaLabel,
			inNav: el.closest('nav') !== null,
			inMain: el.closest('main, #main') !== null,
		};
	});

/** Opens a screen with the tab bar's arrows and Enter. */
async function openByKeyboard(page: Page, view: string): Promise<void> {
	await page.getByTestId('nav-home').focus();
	await page.keyboard.press('Home');
	for (let i = 0; i < 12 && (await focused(page)).testid !== `nav-${view}`; i++)
		await page.keyboard.press('ArrowRight');
	await page.keyboard.press('Enter');
	await expect
		.poll(() => page.getByTestId(`nav-${view}`).getAttribute('aria-current'))
		.toBe('page');
}

/** Presses Tab until the control with this test id has the focus. */
async function tabTo(page: Page, testid: string, max = 120): Promise<void> {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		if ((await focused(page)).testid === testid) return;
	}
	throw new Error(`Tab never reached ${testid}`);
}

/** Walks a screen with Tab; returns the controls reached without a visible focus ring. */
async function walk(page: Page, view: string): Promise<string[]> {
	await openByKeyboard(page, view);
	const bad: string[] = [];
	let reached = 0;
	for (let i = 0; i < MAX_TABS; i++) {
		await page.keyboard.press('Tab');
		const f = await focused(page);
		if (f.inNav || f.tag === 'body') break;
		reached++;
		if (!f.visible || !f.ring)
			bad.push(`${view}: ${f.tag}[${f.testid ?? '?'}] ${f.visible ? 'no ring' : 'not visible'}`);
	}
	expect(reached, `${view}: Tab reached nothing`).toBeGreaterThan(0);
	return bad;
}

describe('keyboard only', () => {
	const baseUrl = inject('baseUrl');
	let session: Session;
	let app: AppPage;

	beforeAll(async () => {
		session = await launchSession();
		app = new AppPage(session.page, baseUrl);
		await app.open();
		// the demo, started from the keyboard
		await tabTo(session.page, 'demo-button');
		await session.page.keyboard.press('Enter');
		await session.page.getByTestId('product-row').first().waitFor({ timeout: SLOW_MS });
	});

	afterAll(async () => {
		await session?.close();
	});

	it('makes a forecast and a passphrase-protected link with Tab, typing and Enter', async () => {
		const page = session.page;
		await openByKeyboard(page, 'forecast');
		await tabTo(page, 'run-forecast');
		await page.keyboard.press('Enter');
		await page.getByTestId('chart-band').first().waitFor({ timeout: SLOW_MS });
		// the chart's readout: arrows walk the points
		await tabTo(page, 'chart-plot');
		const before = await page.evaluate(() =>
			document.activeElement?.getAttribute('aria-valuetext'),
		);
		await page.keyboard.press('ArrowLeft');
		const after = await page.evaluate(() => document.activeElement?.getAttribute('aria-valuetext'));
		expect(after).toBeTruthy();
		expect(after).not.toBe(before);

		await openByKeyboard(page, 'report');
		await tabTo(page, 'report-passphrase');
		await page.keyboard.type('horse 马');
		await page.keyboard.press('Enter');
		await expect
			.poll(() => page.getByTestId('report-link-status').textContent(), { timeout: SLOW_MS })
			.toMatch(/Encrypted link ready/);
	});

	it('reaches every control of every screen with a visible focus ring, in English', async () => {
		const bad: string[] = [];
		for (const view of SCREENS) bad.push(...(await walk(session.page, view)));
		expect(bad).toEqual([]);
	}, 240_000);

	it('switches the language with the keyboard, and every screen works the same in Chinese', async () => {
		const page = session.page;
		await tabTo(page, 'lang-select');
		const before = await page.getByTestId('lang-select').inputValue();
		await page.keyboard.press(before === 'zh-CN' ? 'ArrowUp' : 'ArrowDown');
		await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
		const bad: string[] = [];
		for (const view of SCREENS) bad.push(...(await walk(page, view)));
		expect(bad).toEqual([]);
		expect(await page.getByTestId('nav-forecast').textContent()).toContain('预测');
	}, 240_000);
});
