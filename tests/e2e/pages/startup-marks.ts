// The app's start-up marks (src/lib/startup-marks.ts) of the page's current visit, from the page and its
// data and home workers, on one clock (ms since the epoch): lets a test check the order of the phases
// and how often one ran (never how long they took).
import type { Page } from 'playwright-core';

export interface VisitMark {
	name: string;
	/** performance.timeOrigin + startTime of its realm. */
	t: number;
	detail: unknown;
}

const READ = `(() => performance.getEntriesByType('mark')
	.filter((m) => m.name.startsWith('tc:'))
	.map((m) => ({ name: m.name.slice(3), t: performance.timeOrigin + m.startTime, detail: m.detail ?? null })))()`;

/** Every `tc:` mark of the page and of its data and home workers (those still running), by time. */
export async function visitMarks(page: Page): Promise<VisitMark[]> {
	const marks = (await page.evaluate(READ)) as VisitMark[];
	for (const w of page.workers()) {
		if (!/\/(data|home)\.worker/.test(w.url())) continue;
		marks.push(...((await w.evaluate(READ)) as VisitMark[]));
	}
	return marks.sort((a, b) => a.t - b.t);
}
