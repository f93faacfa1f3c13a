// The demo's "forecast all products" batch (3,702 products, weekly, automatic choice) in the BUILT app in
// headless Chromium, clicked as a user does, with one forecast worker vs the pool
// (src/lib/workers/forecast-pool.ts), side by side. The pool's size comes from navigator.hardwareConcurrency,
// which the bench sets per run with CDP (Emulation.setHardwareConcurrencyOverride): 1 → one worker (the
// single-worker path), N → poolSize(N) workers. No test hooks in the app. Each run is a fresh profile
// (demo imported again); the runs alternate; wall time from the click to the table. The tables of the runs
// must agree (the same forecasts). Needs dist/ (`npm run build`).
//   npx tsx tests/bench/pool-browser.ts [--cores 1,2] [--rounds 1] [--count 0] [--out FILE]
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchSession } from '../e2e/pages/browser';
import { AppPage } from '../e2e/pages/app-page';
import { poolSize } from '../../src/lib/workers/forecast-pool';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function flags(argv: string[]) {
	const f = { cores: [1, 2], rounds: 1, count: '0', out: '' };
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--cores') f.cores = argv[++i].split(',').map(Number);
		else if (argv[i] === '--rounds') f.rounds = Number(argv[++i]);
		else if (argv[i] === '--count') f.count = argv[++i];
		else if (argv[i] === '--out') f.out = argv[++i];
		else throw new Error(`unknown flag ${argv[i]}`);
	}
	return f;
}

async function preview(): Promise<{ url: string; stop: () => void }> {
	const port = 4700 + Math.floor(Math.random() * 200);
	const child = spawn(
		process.execPath,
		[`${ROOT}node_modules/vite/bin/vite.js`, 'preview', '--port', String(port), '--strictPort'],
		{ cwd: ROOT, stdio: 'ignore' },
	);
	const url = `http://localhost:${port}/`;
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(url)).ok) return { url, stop: () => child.kill() };
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 300));
	}
	child.kill();
	throw new Error('vite preview did not start');
}

interface Run {
	cores: number;
	workers: number;
	seconds: number;
	products: number;
	table: string[];
}

async function once(url: string, cores: number, count: string): Promise<Run> {
	const s = await launchSession();
	try {
		const cdp = await s.context.newCDPSession(s.page);
		await cdp.send('Emulation.setHardwareConcurrencyOverride', { hardwareConcurrency: cores });
		const app = new AppPage(s.page, url);
		await app.open();
		const hc = await s.page.evaluate(() => navigator.hardwareConcurrency);
		if (hc !== cores) throw new Error(`hardwareConcurrency ${hc}, wanted ${cores}`);
		await app.tryDemo();
		await app.goTo('forecast');
		const page = s.page;
		await page.getByTestId('batch-count').selectOption(count);
		await page.getByTestId('batch-method').selectOption('auto');
		const products = Number(
			(await page.getByTestId('batch-count').locator('option:checked').textContent())?.replace(
				/\D/g,
				'',
			) || 0,
		);
		const t0 = Date.now();
		await page.getByTestId('run-batch').click();
		await page
			.getByTestId('batch-table')
			.locator('tbody tr')
			.first()
			.waitFor({ timeout: 1_800_000 });
		const seconds = (Date.now() - t0) / 1000;
		const table = await page.getByTestId('batch-table').locator('tbody tr').allTextContents();
		if (s.pageErrors.length) throw new Error(s.pageErrors.join('\n'));
		return { cores, workers: poolSize(cores), seconds, products, table };
	} finally {
		await s.close();
	}
}

async function main(): Promise<void> {
	const f = flags(process.argv.slice(2));
	const server = await preview();
	const runs: Run[] = [];
	try {
		for (let r = 0; r < f.rounds; r++) {
			const order = r % 2 === 0 ? f.cores : [...f.cores].reverse();
			for (const c of order) {
				const run = await once(server.url, c, f.count);
				console.log(
					`round ${r + 1}: hardwareConcurrency ${c} → ${run.workers} worker(s): ${run.seconds.toFixed(1)} s`,
				);
				runs.push(run);
			}
		}
	} finally {
		server.stop();
	}
	const base = runs.filter((r) => r.cores === f.cores[0]);
	const same = runs.every((r) => JSON.stringify(r.table) === JSON.stringify(base[0].table));
	const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
	const lines = [
		`Run: ${new Date().toISOString()} · ${cpus().length} × ${cpus()[0]?.model.trim()} (shared with other jobs) · Chromium headless (/usr/bin/chromium), built app (vite preview) · command \`npx tsx tests/bench/pool-browser.ts ${process.argv.slice(2).join(' ')}\``,
		'',
		'| navigator.hardwareConcurrency (CDP override) | forecast workers | products | wall s (median of runs) | runs | speed-up vs 1 worker |',
		'|---:|---:|---:|---:|---:|---:|',
		...f.cores.map((c) => {
			const rs = runs.filter((r) => r.cores === c);
			const m = median(rs.map((r) => r.seconds));
			return `| ${c} | ${poolSize(c)} | ${rs[0].products} | ${m.toFixed(1)} | ${rs.map((r) => r.seconds.toFixed(1)).join(', ')} | ${(median(base.map((r) => r.seconds)) / m).toFixed(2)} |`;
		}),
		'',
		`The tables of every run (first ${base[0].table.length} rows: product, expected sales, method) are ${same ? 'identical' : 'NOT identical'}.`,
	];
	console.log(lines.join('\n'));
	if (f.out) writeFileSync(f.out, lines.join('\n') + '\n');
	if (!same) process.exitCode = 1;
}

await main();
