// Records what an element showed while the page worked, for short-lived UI such as a progress bar that
// may come and go between two polls: a MutationObserver keeps the text and aria-valuenow of every
// `data-testid` match at each change. Install after the last navigation (a reload drops it).
import type { Page } from 'playwright-core';

/** Starts recording the elements with this data-testid. */
export async function watchTestId(page: Page, testid: string): Promise<void> {
	await page.evaluate((id) => {
		const w = window as unknown as { __tcSeen?: Record<string, string[]> };
		w.__tcSeen ??= {};
		const list: string[] = (w.__tcSeen[id] = []);
		const record = () => {
			for (const el of document.querySelectorAll(`[data-testid="${id}"]`)) {
				const bar = el.querySelector('[role="progressbar"]');
				const text = `${(el.textContent ?? '').replace(/\s+/g, ' ').trim()} | ${bar?.getAttribute('aria-valuenow') ?? ''}`;
				if (list[list.length - 1] !== text) list.push(text);
			}
		};
		new MutationObserver(record).observe(document.body, {
			subtree: true,
			childList: true,
			characterData: true,
			attributes: true,
		});
	}, testid);
}

/** What the elements with this data-testid showed since watchTestId ("text | aria-valuenow"). */
export async function seenTexts(page: Page, testid: string): Promise<string[]> {
	return page.evaluate(
		(id) => (window as unknown as { __tcSeen?: Record<string, string[]> }).__tcSeen?.[id] ?? [],
		testid,
	);
}
