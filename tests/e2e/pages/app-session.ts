// The set-up most e2e files start from: a browser session (a fresh profile, or a copy of the demo
// profile) with the app open in it and its page object. Only for test files: it reads vitest's
// `baseUrl` (the bench scripts use browser.ts without vitest).
import { inject } from 'vitest';
import { AppPage } from './app-page';
import { launchSession, type Session } from './browser';

/**
 * Launch a session and open the app at `path`: with `demo`, `AppPage.openDemo()` (the demo stored,
 * Explore listing its products), else `AppPage.open()`. The caller closes `session` in its afterAll.
 */
export async function openAppSession(
	opts: { demo?: boolean; locale?: string; path?: string } = {},
): Promise<{ session: Session; app: AppPage }> {
	const session = await launchSession({ demo: opts.demo, locale: opts.locale });
	const app = new AppPage(session.page, inject('baseUrl'));
	if (opts.demo) await app.openDemo(opts.path);
	else await app.open(opts.path);
	return { session, app };
}
