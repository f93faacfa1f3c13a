// What the benchmark scripts share: where the data sets and results live, reading a data file (gzip or
// not), and rewriting one marked section of a results file (several scripts write one file each
// their own section: SIGNALS.md, DEEP.md). Loading a data set into the app's data service in Node is
// tests/unit/data/harness.ts (makeService, demoHead), shared with the unit tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { freePort } from '../e2e/pages/free-port';

/** Repository root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The shared data sets (../shared/data), or TRENDCAST_DATA. */
export const DATA = process.env.TRENDCAST_DATA ?? '/work/shared/data';
/** tests/bench/results. */
export const RESULTS = join(ROOT, 'tests/bench/results');

/** A data file under DATA (or an absolute path) as text, gunzipped when it ends in .gz. */
export function dataText(path: string): string {
	const bytes = readFileSync(path.startsWith('/') ? path : join(DATA, path));
	return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** The 1-minute load average, for the "measured on a machine loaded …" line of a results file. */
export const load1 = (): string => loadavg()[0].toFixed(1);

/**
 * Writes `section` (which starts with `start` and ends with `end`) into the results file `file`,
 * replacing the text from `start` to `end`, or appended when the markers are missing; a missing file
 * starts as `header`.
 */
export function writeSection(
	file: string,
	start: string,
	end: string,
	section: string,
	header = '',
): void {
	const text = existsSync(file) ? readFileSync(file, 'utf8') : header;
	const a = text.indexOf(start);
	const b = text.indexOf(end);
	writeFileSync(
		file,
		a >= 0 && b > a
			? text.slice(0, a) + section + text.slice(b + end.length)
			: `${text.trimEnd()}\n\n${section}\n`,
	);
}

/**
 * Serves the BUILT app (dist/, `npm run build` first) with `vite preview` on a free port; resolves when it
 * answers (30 s at most). The caller kills `child` when done. Used by the browser benches; `outDir` serves
 * another build (tests/bench/startup.ts puts two side by side).
 */
export async function startPreview(outDir = 'dist'): Promise<{ url: string; child: ChildProcess }> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}/`;
	const child = spawn(
		process.execPath,
		[
			join(ROOT, 'node_modules/vite/bin/vite.js'),
			'preview',
			'--port',
			String(port),
			'--strictPort',
			'--host',
			'127.0.0.1',
			'--outDir',
			outDir,
		],
		{ cwd: ROOT, stdio: 'ignore' },
	);
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`vite preview exited with ${child.exitCode}`);
		try {
			if ((await fetch(url)).ok) return { url, child };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	child.kill();
	throw new Error(`vite preview did not answer on ${url}`);
}

/**
 * Every k-th series of each set, from a bench's `--every` flag: absent, `defaults` (1 for a set not in
 * them); `k`, k for every set; a list `retail:2,m4:5`, the named sets at theirs and every set the list
 * does not name at 1 (all its series), never silently at its default. Throws on a malformed entry or a
 * name that is neither in `keys` nor in `defaults` (a typo).
 */
export function everyPerSet(
	flag: string | undefined,
	keys: readonly string[],
	defaults: Readonly<Record<string, number>>,
): Record<string, number> {
	const whole = (v: string, what: string): number => {
		const k = Number(v);
		if (!Number.isInteger(k) || k < 1)
			throw new Error(`--every: ${what} must be a whole number ≥ 1`);
		return k;
	};
	if (flag === undefined || flag === '')
		return Object.fromEntries(keys.map((key) => [key, defaults[key] ?? 1]));
	if (!flag.includes(':')) {
		const k = whole(flag, `'${flag}'`);
		return Object.fromEntries(keys.map((key) => [key, k]));
	}
	const named = new Map<string, number>();
	for (const entry of flag.split(',')) {
		const [key, v, more] = entry.split(':');
		if (v === undefined || more !== undefined) throw new Error(`--every: '${entry}' is not set:k`);
		if (!keys.includes(key) && !(key in defaults))
			throw new Error(`--every: '${key}' is not one of ${[...keys].join(', ')}`);
		named.set(key, whole(v, `'${entry}'`));
	}
	return Object.fromEntries(keys.map((key) => [key, named.get(key) ?? 1]));
}

/**
 * Refuses a bench run with a flag the script does not know (a typo or `--help` would otherwise start the
 * default run, which may score the held-out horizon): prints the known flags and exits with code 2.
 * `values` take the next argument; `switches` stand alone.
 */
export function refuseUnknownFlags(
	argv: readonly string[],
	known: { values: readonly string[]; switches: readonly string[] },
	script: string,
): void {
	const values = new Set(known.values.map((f) => `--${f}`));
	const switches = new Set(known.switches.map((f) => `--${f}`));
	const bad: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (values.has(a)) i++;
		else if (!switches.has(a)) bad.push(a);
	}
	if (bad.length === 0) return;
	const list = [...values].map((f) => `${f} <value>`).concat([...switches]);
	process.stderr.write(
		`${script}: unknown argument(s) ${bad.join(' ')}; nothing was run.\nKnown: ${list.join(' ')}\n`,
	);
	process.exit(2);
}

/**
 * The flags of a validation-only bench (`--back 1|2|3 --datasets key:every,…`): unknown flags are
 * refused (refuseUnknownFlags) and the held-out horizon (back 0 or none given) throws before anything runs.
 */
export function validationArgs(
	argv: readonly string[],
	script: string,
	defaultSets: string,
): { back: 1 | 2 | 3; sets: string } {
	refuseUnknownFlags(argv, { values: ['back', 'datasets'], switches: [] }, script);
	const opt = (k: string, d: string) => {
		const i = argv.indexOf(`--${k}`);
		return i >= 0 ? argv[i + 1] : d;
	};
	const back = Number(opt('back', 'NaN'));
	if (!(back === 1 || back === 2 || back === 3))
		throw new Error(
			'--back 1|2|3 (validation horizons only; the held-out horizon is not scored here)',
		);
	return { back, sets: opt('datasets', defaultSets) };
}
