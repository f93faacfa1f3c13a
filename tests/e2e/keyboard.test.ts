// E2E: every screen from the keyboard alone, in English and Chinese (issue #16). Screens are opened from
// the tab bar with arrows and Enter; Tab then walks each screen's controls, and every control it
// reaches must be on screen with a visible focus indicator. Tasks done with Tab, typing, arrows and
// Enter only: a forecast, a passphrase-protected share link, the plan's settings and what-if, and the
// language switch. The walk covers every tab stop of each screen, to the end (the long tables too).
// Import, dialogs (inline confirmations): keyboard-dialogs.test.ts.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppPage, SLOW_MS } from './pages/app-page';
import { launchSession, type Session } from './pages/browser';
import { openByKeyboard, tabFar, tabTo, walk } from './pages/keys';

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

	it('plans by keyboard: service level and lead time move the orders, the what-if answers', async () => {
		const page = session.page;
		await openByKeyboard(page, 'plan');
		await page.getByTestId('plan-row').first().waitFor({ timeout: SLOW_MS });
		const total = async () => {
			let sum = 0;
			for (const q of await page.getByTestId('plan-order-qty').allTextContents())
				sum += Number(q.replace(/[^\d.]/g, ''));
			return sum;
		};
		/** Tab to a number field, type a new value, and leave it with Tab (which commits it). */
		const enter = async (testid: string, value: string) => {
			await openByKeyboard(page, 'plan');
			await tabTo(page, testid);
			await page.keyboard.press('Control+A');
			await page.keyboard.type(value);
			await page.keyboard.press('Tab');
		};
		// the default lead time (products without their own, so before the stock file gives them one)
		const start = await total();
		await enter('plan-default-lead', '60');
		await expect.poll(total, { timeout: SLOW_MS }).toBeGreaterThan(start);
		await openByKeyboard(page, 'plan');
		await tabTo(page, 'plan-demo-stock');
		await page.keyboard.press('Enter');
		await page.getByTestId('plan-alert').first().waitFor({ timeout: SLOW_MS });
		const withStock = await total();
		await enter('plan-service-level', '80');
		await expect.poll(total, { timeout: SLOW_MS }).toBeLessThan(withStock);

		// what-if: a product picked with the arrow keys, a higher service level typed in
		await openByKeyboard(page, 'plan');
		await tabFar(page, 'plan-whatif-product');
		await page.keyboard.press('ArrowDown');
		await page.getByTestId('plan-whatif-result').waitFor({ timeout: SLOW_MS });
		await tabTo(page, 'plan-whatif-level', 10);
		await page.keyboard.press('Control+A');
		await page.keyboard.type('99.5');
		await page.keyboard.press('Tab');
		const rop = (id: string) =>
			page
				.getByTestId(`plan-whatif-${id}`)
				.getByTestId('plan-whatif-rop')
				.textContent()
				.then((t) => Number((t ?? '').replace(/[^\d.]/g, '')));
		await expect
			.poll(async () => (await rop('scenario')) - (await rop('base')), { timeout: SLOW_MS })
			.toBeGreaterThan(0);
	}, 240_000);

	it('reaches every control of every screen with a visible focus ring, in English', async () => {
		const bad: string[] = [];
		let reached = 0;
		for (const view of SCREENS) {
			const w = await walk(session.page, view);
			bad.push(...w.bad);
			reached += w.reached;
		}
		expect(bad).toEqual([]);
		expect(reached).toBeGreaterThan(SCREENS.length * 5);
	}, 240_000);

	it('switches the language with the keyboard, and every screen works the same in Chinese', async () => {
		const page = session.page;
		await tabTo(page, 'lang-select');
		const before = await page.getByTestId('lang-select').inputValue();
		await page.keyboard.press(before === 'zh-CN' ? 'ArrowUp' : 'ArrowDown');
		await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
		const bad: string[] = [];
		for (const view of SCREENS) bad.push(...(await walk(page, view)).bad);
		expect(bad).toEqual([]);
		expect(await page.getByTestId('nav-forecast').textContent()).toContain('预测');
	}, 240_000);
});
