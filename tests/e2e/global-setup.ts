// Vitest globalSetup for the e2e project: builds the app (`vite build`), serves the BUILT app with
// `vite preview` on a free port, hands its URL to the tests (`inject('baseUrl')`), and stops it after.
// Set E2E_SKIP_BUILD=1 to reuse an existing dist/ while iterating on tests. Also hands out a temp dir
// for the run (`inject('runDir')`, removed after), where pages/browser.ts keeps the demo profile.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { freePort } from './pages/free-port';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		runDir: string;
	}
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VITE_BIN = `${ROOT}node_modules/vite/bin/vite.js`;
const START_TIMEOUT_MS = 30_000;

async function waitUntilUp(url: string, child: ChildProcess): Promise<void> {
	const deadline = Date.now() + START_TIMEOUT_MS;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`vite preview exited with ${child.exitCode}`);
		try {
			const res = await fetch(url);
			if (res.ok) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`vite preview did not answer on ${url} within ${START_TIMEOUT_MS} ms`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	if (!existsSync('/usr/bin/chromium')) {
		throw new Error(
			'e2e tests need Debian chromium at /usr/bin/chromium (apt-get install chromium)',
		);
	}
	if (process.env.E2E_SKIP_BUILD !== '1' || !existsSync(`${ROOT}dist/index.html`)) {
		const build = spawnSync(process.execPath, [VITE_BIN, 'build'], {
			cwd: ROOT,
			stdio: ['ignore', 'pipe', 'pipe'],
			encoding: 'utf8',
		});
		if (build.status !== 0) {
			throw new Error(`vite build failed:\n${build.stdout}\n${build.stderr}`);
		}
	}
	const port = await freePort();
	const child = spawn(
		process.execPath,
		[VITE_BIN, 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
		{ cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
	);
	let log = '';
	child.stdout?.on('data', (d) => (log += d));
	child.stderr?.on('data', (d) => (log += d));
	const baseUrl = `http://127.0.0.1:${port}/`;
	try {
		await waitUntilUp(baseUrl, child);
	} catch (e) {
		child.kill();
		throw new Error(`${(e as Error).message}\n${log}`, { cause: e });
	}
	project.provide('baseUrl', baseUrl);
	const runDir = mkdtempSync(join(tmpdir(), 'trendcast-e2e-run-'));
	project.provide('runDir', runDir);
	return async () => {
		child.kill('SIGTERM');
		rmSync(runDir, { recursive: true, force: true });
		await new Promise((r) => setTimeout(r, 200));
	};
}
