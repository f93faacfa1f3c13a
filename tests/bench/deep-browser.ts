// Training speed of the deep models in headless Chromium (npm run bench:deep:browser): bundles
// tests/bench/deep-browser-entry.ts with esbuild, serves it and the tfjs WASM files from localhost,
// and times one epoch per architecture on the WASM and WebGL backends (page main thread; the app
// trains in a worker). Debian's headless Chromium has no GPU here: WebGL runs on SwiftShader, and
// WebGPU only offers a SwiftShader fallback adapter (not measured: ~60–100× slower, STACK-NOTES).
// Updates the 'browser' section of tests/bench/results/DEEP.md.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../e2e/pages/browser';
import { DEEP_KINDS } from '../../src/ml/kinds';
import { N_FEATURES } from '../../src/ml/features';
import { writeSection } from './harness';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = join(ROOT, 'tests/bench/results/DEEP.md');
const WINDOWS = Number(process.argv[process.argv.indexOf('--windows') + 1]) || 320;

const dir = mkdtempSync(join(tmpdir(), 'trendcast-deep-browser-'));
execFileSync(join(ROOT, 'node_modules/.bin/esbuild'), [
	join(ROOT, 'tests/bench/deep-browser-entry.ts'),
	'--bundle',
	'--format=esm',
	'--minify',
	`--outfile=${join(dir, 'bench.js')}`,
	'--log-level=warning',
]);
writeFileSync(
	join(dir, 'index.html'),
	'<!doctype html><script type="module" src="/bench.js"></script>',
);
const WASM = join(ROOT, 'node_modules/@tensorflow/tfjs-backend-wasm/dist');
const server = createServer((req, res) => {
	const name = (req.url ?? '/').split('?')[0].replace(/^\//, '') || 'index.html';
	const file = existsSync(join(dir, name)) ? join(dir, name) : join(WASM, name);
	if (!existsSync(file)) {
		res.writeHead(404).end();
		return;
	}
	const type = name.endsWith('.wasm')
		? 'application/wasm'
		: name.endsWith('.js')
			? 'text/javascript'
			: 'text/html';
	res.writeHead(200, { 'content-type': type }).end(readFileSync(file));
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as { port: number }).port;
const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: CHROMIUM_ARGS,
	headless: true,
});
try {
	const page = await browser.newPage();
	await page.goto(`http://127.0.0.1:${port}/`);
	await page.waitForFunction(() => 'bench' in window);
	const renderer = await page.evaluate(() =>
		(window as unknown as { bench: { renderer(): string } }).bench.renderer(),
	);
	const version = browser.version();
	const rows: string[] = [];
	for (const kind of DEEP_KINDS) {
		const cells: string[] = [];
		for (const backend of ['wasm', 'webgl']) {
			const v = await page.evaluate(
				([b, k, n]) =>
					(
						window as unknown as {
							bench: { speed(b: string, k: string, n: number): Promise<number> };
						}
					).bench.speed(b, k, n),
				[backend, kind, WINDOWS] as [string, string, number],
			);
			cells.push(Number.isFinite(v) ? v.toFixed(0) : 'n/a');
			process.stderr.write(`chromium ${kind} ${backend}: ${v.toFixed(0)} windows/s\n`);
		}
		rows.push(`| ${kind} | ${cells[0]} | ${cells[1]} |`);
	}
	const start = '<!-- browser:start -->';
	const end = '<!-- browser:end -->';
	const block = [
		start,
		`## Training speed in Chromium ${version} (headless Debian package, no GPU)`,
		'',
		`One epoch of ${WINDOWS} windows (24 + 12 weeks × ${N_FEATURES} features, batch 64, width 0.5, seeded) after a warm-up, on the page's main thread. WebGL renderer: ${renderer} (a software rasteriser: this machine has no GPU). WebGPU was not measured: no GPU machine was available in this session, and the only adapter here is SwiftShader's fallback (STACK-NOTES: 60–100× slower than WASM), which the app never picks.`,
		'',
		'| model | Chromium WASM windows/s | Chromium WebGL (SwiftShader) windows/s |',
		'| --- | --- | --- |',
		...rows,
		end,
	].join('\n');
	writeSection(OUT, start, end, block, '# Deep models\n');
	process.stderr.write(`wrote ${OUT}\n`);
} finally {
	await browser.close();
	server.close();
}
