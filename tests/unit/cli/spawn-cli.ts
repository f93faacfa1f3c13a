// Spawns the CLIs (src/cli/*.ts) for their end-to-end tests. `bundledClis` bundles each CLI once per
// test file with esbuild (the same source; packages stay external and load from node_modules as under
// tsx) and spawns `node <cli>.mjs`: ~0.35 s of start-up against ~1.7 s for `tsx`, which transpiles
// every imported src file again on each start (tests/bench/results/CI-TIME.md, stop 29).
// `npmRun` runs `npm run <cli> -- …` exactly as a user does; each CLI keeps one test on it, so the
// package.json scripts (tsx on the .ts entry) stay covered.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { afterAll, beforeAll } from 'vitest';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * `import.meta.url` in our own files stays the URL of the .ts file, as under tsx, so that paths made
 * from it (public/models, node_modules/@duckdb/…) resolve the same wherever the bundle lies.
 */
const ownMetaUrl: Plugin = {
	name: 'own-import-meta-url',
	setup(b) {
		b.onLoad({ filter: /\.[cm]?[jt]s$/ }, (a) => {
			if (a.path.includes('/node_modules/')) return undefined;
			const text = readFileSync(a.path, 'utf8');
			if (!text.includes('import.meta.url')) return undefined;
			return {
				contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(a.path).href)),
				loader: /\.[cm]?ts$/.test(a.path) ? 'ts' : 'js',
			};
		});
	},
};

/**
 * Bundles src/cli/<name>.ts for each name before the file's tests (removed after them) and returns a
 * spawner. The bundles lie in a fresh folder under node_modules/.cache, so that the packages left
 * external resolve from node_modules and parallel test files never share one.
 */
export function bundledClis<N extends string>(
	names: readonly N[],
	timeout = 120_000,
): (name: N, args: string[]) => SpawnSyncReturns<string> {
	let dir = '';
	beforeAll(async () => {
		mkdirSync(join(ROOT, 'node_modules/.cache'), { recursive: true });
		dir = mkdtempSync(join(ROOT, 'node_modules/.cache/trendcast-cli-'));
		await build({
			entryPoints: names.map((n) => join(ROOT, `src/cli/${n}.ts`)),
			outdir: dir,
			outExtension: { '.js': '.mjs' },
			bundle: true,
			// a dynamic import stays one (the forecast CLI loads TF.js only with --deep, as under tsx)
			splitting: true,
			platform: 'node',
			format: 'esm',
			target: 'node20',
			packages: 'external',
			plugins: [ownMetaUrl],
			logLevel: 'error',
		});
	}, 120_000);
	afterAll(() => rmSync(dir, { recursive: true, force: true }));
	return (name, args) =>
		spawnSync(process.execPath, [join(dir, `${name}.mjs`), ...args], {
			cwd: ROOT,
			encoding: 'utf8',
			timeout,
		});
}

/** `npm run <script> -- …args` in the repository, as a user runs it (npm's banner goes to stdout). */
export function npmRun(
	script: string,
	args: string[],
	timeout = 180_000,
): SpawnSyncReturns<string> {
	return spawnSync('npm', ['run', script, '--', ...args], { cwd: ROOT, encoding: 'utf8', timeout });
}
