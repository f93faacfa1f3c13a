// Returning-visit bench: how long the BUILT app takes to be usable when a dataset (the demo) is already
// stored. For each build named on the command line (a `vite build --outDir <dir>`, served by its own
// `vite preview`), a profile is made once where the demo was imported (service worker, caches and
// IndexedDB kept, as a returning visitor has them); each run copies it, starts Chromium, opens `/`
// (returning users land on Home) and waits for Home's lists, then reloads once (as the e2e files do)
// and waits again. The phases come from the app's own User Timing marks (src/lib/startup-marks.ts) in
// the page and the data worker, in ms from the navigation's start. Builds are run interleaved
// (A B A B …) so they share the machine's load. Prints a Markdown table of medians; no assertions.
// Run: npx tsx tests/bench/startup.ts [--runs 3] <outDir> [<outDir> …]
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchContext as launch } from '../e2e/pages/browser';
import { load1, startPreview } from './harness';

const WAIT_MS = 400_000;
/** The phases reported, in order: [label, mark name]. */
const PHASES: [string, string][] = [
	['app mounted', 'app:mounted'],
	['DuckDB start', 'duckdb:start'],
	['DuckDB instantiated', 'duckdb:ready'],
	['load: start', 'load:start'],
	['load: bytes read from Dexie', 'load:read'],
	['load: gunzip done', 'load:gunzip'],
	['load: Arrow inserted', 'load:inserted'],
	['productSummary answered', 'answered:productSummary'],
	['Explore products shown', 'explore:products'],
	['Home: series read', 'home:series'],
	['Home worker: accuracy check start', 'home:check-start'],
	['Home worker: accuracy checked', 'home:checked'],
	['Home dashboard built', 'home:dashboard'],
	['Home lists shown', 'home:shown'],
];

interface Visit {
	/** ms from the page's navigation start to each mark's first occurrence. */
	at: Record<string, number>;
	bundle: string;
	/** How many times the stored dataset was loaded into DuckDB during the visit. */
	loads: number;
	blobBytes: number;
}

/** A profile where the demo was imported, with the service worker's precache complete. */
async function makeTemplate(url: string): Promise<string> {
	const dir = mkdtempSync(join(tmpdir(), 'trendcast-startup-'));
	const context = await launch(dir);
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		await page.goto(url);
		await page.getByTestId('demo-button').click();
		await page.getByTestId('product-row').first().waitFor({ timeout: WAIT_MS });
		// the precache is done when the worker is active
		await page.evaluate(async () => {
			await navigator.serviceWorker.ready;
		});
	} finally {
		await context.close();
	}
	for (const lock of ['SingletonLock', 'SingletonSocket', 'SingletonCookie'])
		rmSync(join(dir, lock), { force: true });
	return dir;
}

type Mark = { name: string; t: number; detail: unknown };
const READ_MARKS = `(() => performance.getEntriesByType('mark')
	.filter((m) => m.name.startsWith('tc:'))
	.map((m) => ({ name: m.name.slice(3), t: performance.timeOrigin + m.startTime, detail: m.detail ?? null })))()`;

async function visit(page: Page, go: () => Promise<unknown>): Promise<Visit> {
	await go();
	await page.locator('[data-testid^="home-rising"]').first().waitFor({ timeout: WAIT_MS });
	const shown = await page.evaluate(() => performance.timeOrigin + performance.now());
	const origin = await page.evaluate(() => performance.timeOrigin);
	const marks: Mark[] = (await page.evaluate(READ_MARKS)) as Mark[];
	for (const w of page.workers()) {
		if (!/(data|home)\.worker/.test(w.url())) continue;
		try {
			marks.push(...((await w.evaluate(READ_MARKS)) as Mark[]));
		} catch {
			/* a worker that ended */
		}
	}
	marks.push({ name: 'home:shown', t: shown, detail: null });
	if (process.env.STARTUP_TIMELINE)
		for (const m of [...marks].sort((a, b) => a.t - b.t))
			if (m.t >= origin) console.log(`  ${Math.round(m.t - origin)} ${m.name} ${m.detail ?? ''}`);
	const at: Record<string, number> = {};
	for (const m of marks) if (!(m.name in at) && m.t >= origin) at[m.name] = m.t - origin;
	const mine = marks.filter((m) => m.t >= origin);
	return {
		at,
		bundle: String(mine.find((m) => m.name === 'duckdb:bundle')?.detail ?? '?'),
		loads: mine.filter((m) => m.name === 'load:inserted').length,
		blobBytes: Number(mine.find((m) => m.name === 'load:read')?.detail ?? 0),
	};
}

async function run(template: string, url: string): Promise<{ first: Visit; reload: Visit }> {
	const profile = mkdtempSync(join(tmpdir(), 'trendcast-startup-run-'));
	cpSync(template, profile, { recursive: true });
	const context = await launch(profile);
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		const first = await visit(page, () => page.goto(url));
		const reload = await visit(page, () => page.reload());
		return { first, reload };
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
}

const median = (xs: number[]): number => {
	const s = [...xs].sort((a, b) => a - b);
	const n = s.length;
	return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

function table(name: string, visits: Visit[]): string {
	const lines = [
		`| ${name} (${visits.length} runs, bundle ${[...new Set(visits.map((v) => v.bundle))].join('/')}, loads per visit ${visits.map((v) => v.loads).join('/')}) | median ms | runs ms |`,
		'| --- | ---: | --- |',
	];
	for (const [label, key] of PHASES) {
		const xs = visits.map((v) => v.at[key]).filter((x) => x !== undefined);
		if (!xs.length) continue;
		lines.push(
			`| ${label} | ${Math.round(median(xs))} | ${xs.map((x) => Math.round(x)).join(', ')} |`,
		);
	}
	return lines.join('\n');
}

async function main() {
	const args = process.argv.slice(2);
	let runs = 3;
	const dirs: string[] = [];
	for (let i = 0; i < args.length; i++) {
		if (args[i] === '--runs') runs = Number(args[++i]);
		else dirs.push(args[i]);
	}
	if (!dirs.length) dirs.push('dist');
	const servers = await Promise.all(dirs.map((d) => startPreview(d)));
	const templates: string[] = [];
	const results = dirs.map(() => ({ first: [] as Visit[], reload: [] as Visit[] }));
	try {
		console.log(`load ${load1()} at start, ${new Date().toISOString()}`);
		for (const s of servers) templates.push(await makeTemplate(s.url));
		for (let r = 0; r < runs; r++) {
			for (let i = 0; i < dirs.length; i++) {
				const res = await run(templates[i], servers[i].url);
				results[i].first.push(res.first);
				results[i].reload.push(res.reload);
				console.log(
					`${dirs[i]} run ${r + 1}: home shown ${Math.round(res.first.at['home:shown'])} ms, after reload ${Math.round(res.reload.at['home:shown'])} ms (load ${load1()})`,
				);
			}
		}
		console.log(`load ${load1()} at end, ${new Date().toISOString()}`);
		for (let i = 0; i < dirs.length; i++) {
			console.log(`\n${table(`${dirs[i]}, new browser on the profile`, results[i].first)}`);
			console.log(`\n${table(`${dirs[i]}, page.reload()`, results[i].reload)}`);
		}
		if (dirs.length === 2) {
			for (const k of ['first', 'reload'] as const) {
				const ratios = results[1][k].map(
					(v, j) => v.at['home:shown'] / results[0][k][j].at['home:shown'],
				);
				const e = (n: string) => results[1][k].map((v, j) => v.at[n] / results[0][k][j].at[n]);
				console.log(
					`${k}: home shown ${dirs[1]}/${dirs[0]} per pair ${ratios.map((x) => x.toFixed(2)).join(', ')}, median ${median(ratios).toFixed(2)}; Explore products ${median(e('explore:products')).toFixed(2)}`,
				);
			}
		}
	} finally {
		for (const s of servers) s.child.kill();
		for (const t of templates) rmSync(t, { recursive: true, force: true });
	}
}

await main();
