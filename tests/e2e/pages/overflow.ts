// Phone-width checks of the e2e tests: what makes a page wider than the viewport. An element that
// sticks out inside a box that scrolls on its own (overflow-x auto / scroll, e.g. .table-wrap) does not
// scroll the page, so it is not counted.
import type { Page } from 'playwright-core';

export interface Overflow {
	/** The page's scroll width in CSS pixels. */
	width: number;
	/** Up to five elements that stick out past `limit`, as "TAG.testid-or-class right", to fix a failure. */
	wide: string[];
}

/** The page's width and what sticks out past `limit` (the viewport's width + 1 px of rounding). */
export function pageOverflow(page: Page, limit = 391): Promise<Overflow> {
	return page.evaluate((lim) => {
		const scrollsOnItsOwn = (e: Element): boolean => {
			for (let p = e.parentElement; p; p = p.parentElement)
				if (/auto|scroll/.test(getComputedStyle(p).overflowX)) return true;
			return false;
		};
		return {
			width: document.documentElement.scrollWidth,
			wide: [...document.querySelectorAll('body *')]
				.filter((e) => e.getBoundingClientRect().right > lim && !scrollsOnItsOwn(e))
				.slice(0, 5)
				.map(
					(e) =>
						`${e.tagName}.${e.getAttribute('data-testid') ?? e.className} ${Math.round(e.getBoundingClientRect().right)}`,
				),
		};
	}, limit);
}
