// What the benchmark scripts share: where the data sets and results live, reading a data file (gzip or
// not), and rewriting one marked section of a results file (several scripts write one file each
// their own section: SIGNALS.md, DEEP.md). Loading a data set into the app's data service in Node is
// tests/unit/data/harness.ts (makeService, demoHead), shared with the unit tests.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

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
