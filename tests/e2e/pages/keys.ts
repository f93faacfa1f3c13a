// Keyboard-only helpers for the e2e tests of issue #16: what has the focus, opening a screen from the
// tab bar with arrows and Enter, Tab until a control has the focus, and a Tab walk of a whole screen
// that checks every control reached is on screen with a visible focus ring.
import type { CDPSession, Page } from 'playwright-core';
import { expect } from 'vitest';

export interface Focused {
	testid: string | null;
	column: string | null;
	tag: string;
	visible: boolean;
	ring: boolean;
	inNav: boolean;
	inMain: boolean;
}

/** Runs in the page: describes the focused element (the ring is read at the moment of focus). */
function describeFocus(): Focused {
	const el = document.activeElement as HTMLElement | null;
	if (!el || el === document.body)
		return {
			testid: null,
			column: null,
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
		column: el.getAttribute('data-column'),
		tag: el.tagName.toLowerCase(),
		visible: box.width > 0 && box.height > 0,
		ring: own || viaLabel,
		inNav: el.closest('nav') !== null,
		inMain: el.closest('main, #main') !== null,
	};
}

export const focused = (page: Page): Promise<Focused> => page.evaluate(describeFocus);

/** Opens a screen with the tab bar's arrows and Enter. */
export async function openByKeyboard(page: Page, view: string): Promise<void> {
	// the first enabled tab (without data, Home and the data screens are disabled)
	await page.locator('nav [data-testid^="nav-"]:not(:disabled)').first().focus();
	await page.keyboard.press('Home');
	for (let i = 0; i < 12 && (await focused(page)).testid !== `nav-${view}`; i++)
		await page.keyboard.press('ArrowRight');
	await page.keyboard.press('Enter');
	await expect
		.poll(() => page.getByTestId(`nav-${view}`).getAttribute('aria-current'))
		.toBe('page');
}

/** Presses Tab (or Shift+Tab) until the focused control matches; returns what has the focus. */
export async function tabUntil(
	page: Page,
	what: string,
	match: (f: Focused) => boolean,
	opts: { max?: number; back?: boolean } = {},
): Promise<Focused> {
	const trail: string[] = [];
	for (let i = 0; i < (opts.max ?? 120); i++) {
		await page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
		const f = await focused(page);
		if (match(f)) return f;
		if (trail.at(-1) !== (f.testid ?? f.tag)) trail.push(f.testid ?? f.tag);
	}
	throw new Error(`Tab never reached ${what}; it went ${trail.slice(0, 40).join(' → ')}`);
}

/** Presses Tab until the control with this test id has the focus. */
export async function tabTo(page: Page, testid: string, max = 120): Promise<void> {
	await tabUntil(page, testid, (f) => f.testid === testid, { max });
}

/** Tab stops walked per screen at most: far more than any screen has, so the walk ends at the nav. */
const MAX_TABS = 800;
/** Tabs pressed between two looks at the focus log. */
const CHUNK = 25;

const sessions = new WeakMap<Page, Promise<CDPSession>>();

/**
 * Presses Tab n times in one burst: the key events go to Chromium over one DevTools session without
 * waiting for each answer (DevTools handles a session's commands in order, so each Tab is still a real
 * key press that moves the focus after the one before). A walk of the long tables costs a round trip
 * per burst instead of two per key. The focus log (startFocusLog) sees every stop, as with single presses.
 */
async function pressTabs(page: Page, n: number): Promise<void> {
	let session = sessions.get(page);
	if (!session) {
		session = page.context().newCDPSession(page);
		sessions.set(page, session);
	}
	const cdp = await session;
	const key = { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9, nativeVirtualKeyCode: 9 };
	const sent: Promise<unknown>[] = [];
	for (let i = 0; i < n; i++) {
		sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key }));
		sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key }));
	}
	await Promise.all(sent);
}

/** Records every element focused from now on (window.__focusLog) with a focusin listener. */
async function startFocusLog(page: Page): Promise<void> {
	// a string, evaluated over CDP (the app's CSP forbids eval inside the page)
	await page.evaluate(`(() => {
		window.__focusLog = [];
		if (window.__focusHook) return;
		window.__focusHook = true;
		const describe = ${describeFocus.toString()};
		document.addEventListener('focusin', () => window.__focusLog.push(describe()));
	})()`);
}

const readFocusLog = (page: Page): Promise<Focused[]> =>
	page.evaluate(() => (window as unknown as { __focusLog: Focused[] }).__focusLog);

/**
 * Tab to a control far down a long screen: presses Tab in bursts, looks at the focus log after each,
 * and comes back with Shift+Tab when it has passed the control.
 */
export async function tabFar(page: Page, testid: string, max = 1500): Promise<void> {
	await startFocusLog(page);
	for (let presses = 0; presses < max; presses += CHUNK) {
		await pressTabs(page, CHUNK);
		const log = await readFocusLog(page);
		const at = log.findIndex((f) => f.testid === testid);
		if (at < 0) continue;
		// back, one look at a time for the last few (a control may take the focus without a focusin)
		for (let i = at; i < log.length - 3; i++) await page.keyboard.press('Shift+Tab');
		if ((await focused(page)).testid !== testid)
			await tabUntil(page, testid, (f) => f.testid === testid, { back: true, max: 10 });
		return;
	}
	throw new Error(`Tab never reached ${testid} in ${max} presses`);
}

/** Controls in the screen that Tab can reach (a count, to see when the screen has stopped growing). */
const CONTROLS =
	'main a[href], main button, main input, main select, main textarea, main summary, main [tabindex]';

/**
 * Waits until the work a screen starts on opening is done (no progress bar) and its controls stop
 * coming (the same count three looks in a row, 150 ms apart; at most 8 s), so that a walk reaches the
 * controls of what loads after the screen opens (Customers' analysis, Home's cards), however fast the
 * Tab bursts are.
 */
async function settled(page: Page): Promise<void> {
	// work the screen started on opening (Customers' analysis) shows a progress bar until it is done
	await page
		.locator('main [role="progressbar"]')
		.first()
		.waitFor({ state: 'detached', timeout: 60_000 });
	let last = -1;
	let same = 0;
	for (let i = 0; i < 54 && same < 2; i++) {
		const n = await page.locator(CONTROLS).count();
		same = n === last ? same + 1 : 0;
		last = n;
		await page.waitForTimeout(150);
	}
}

/**
 * Walks a screen with Tab from the tab bar until the focus leaves the screen (back to the nav or the
 * page). Every element focused on the way is recorded by a focusin listener in the page, so the many
 * controls of the long tables cost one key press each. Returns the controls reached without a
 * visible focus ring, and fails if the walk never leaves the screen (a focus trap).
 */
export async function walk(page: Page, view: string): Promise<{ bad: string[]; reached: number }> {
	await openByKeyboard(page, view);
	await settled(page);
	await startFocusLog(page);
	let log: Focused[] = [];
	let presses = 0;
	let end = -1;
	while (end < 0 && presses < MAX_TABS) {
		await pressTabs(page, CHUNK);
		presses += CHUNK;
		log = await readFocusLog(page);
		end = log.findIndex((f) => f.inNav || f.tag === 'body');
	}
	// Tab past the last control goes to the browser's UI and leaves no focusin: a short log also ends it
	if (end < 0 && log.length < presses) end = log.length;
	expect(end, `${view}: Tab never left the screen after ${presses} presses`).toBeGreaterThanOrEqual(
		0,
	);
	const screen = log.slice(0, end);
	expect(screen.length, `${view}: Tab reached nothing`).toBeGreaterThan(0);
	const bad = screen
		.filter((f) => !f.visible || !f.ring)
		.map((f) => `${view}: ${f.tag}[${f.testid ?? '?'}] ${f.visible ? 'no ring' : 'not visible'}`);
	return { bad, reached: screen.length };
}
