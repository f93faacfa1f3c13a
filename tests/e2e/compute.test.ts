// E2E: the Settings screen says which TF.js backend the deep models use, and a test model really
// trains on it in the training worker (headless Chromium without --enable-unsafe-webgpu has no WebGPU
// adapter, so WASM is expected).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { foreignRequests, launchSession, type Session } from './pages/browser';

describe('compute backend', () => {
	const baseUrl = inject('baseUrl');
	let session: Session;
	let app: AppPage;

	beforeAll(async () => {
		session = await launchSession();
		app = new AppPage(session.page, baseUrl);
		await app.open('/?view=settings');
	});

	afterAll(async () => {
		await session?.close();
	});

	it('names the backend in use and trains a model on it', async () => {
		const page = session.page;
		await expect
			.poll(() => page.getByTestId('compute-backend').textContent(), { timeout: 60_000 })
			.toMatch(/Compute: WASM — No WebGPU adapter/);
		await page.getByTestId('compute-smoke').click();
		const result = page.getByTestId('compute-smoke-result');
		await expect
			.poll(() => result.textContent(), { timeout: 60_000 })
			.toMatch(/Trained a test model on WASM/);
		const slope = Number(/slope (-?[\d.]+)/.exec((await result.textContent()) ?? '')?.[1]);
		expect(slope).toBeGreaterThan(1.9);
		expect(slope).toBeLessThan(2.1);
		expect(foreignRequests(session.requests, baseUrl)).toEqual([]);
		expect(session.pageErrors).toEqual([]);
	});
});
