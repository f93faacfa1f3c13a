// Runs npm scripts at the same time and prints each one's output whole, in the order named, once it
// has finished (so two logs never interleave). Exits non-zero when any of them failed.
// Used by `npm run check`: the type check and the lint are each single-threaded, so on a 2-core CI
// machine running them side by side takes the longer of the two instead of their sum.
// Usage: node scripts/parallel.mjs check:types check:lint
import { spawn } from 'node:child_process';
import process from 'node:process';

const names = process.argv.slice(2);
if (names.length === 0) {
	process.stderr.write('usage: node scripts/parallel.mjs <npm script> [<npm script> …]\n');
	process.exit(2);
}

/**
 * One npm script, its stdout and stderr collected together.
 * @param {string} name
 * @returns {Promise<{ name: string, code: number, output: string, seconds: number }>}
 */
function run(name) {
	const started = Date.now();
	return new Promise((resolve) => {
		const child = spawn('npm', ['run', name], {
			stdio: ['ignore', 'pipe', 'pipe'],
			env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' },
		});
		/** @type {Buffer[]} */
		const chunks = [];
		child.stdout.on('data', (c) => chunks.push(c));
		child.stderr.on('data', (c) => chunks.push(c));
		const done = (/** @type {number} */ code) =>
			resolve({
				name,
				code,
				output: Buffer.concat(chunks).toString('utf8'),
				seconds: (Date.now() - started) / 1000,
			});
		child.on('error', (e) => {
			chunks.push(Buffer.from(`could not start npm run ${name}: ${e.message}\n`));
			done(1);
		});
		child.on('close', (code, signal) => done(code ?? (signal ? 1 : 0)));
	});
}

const results = await Promise.all(names.map(run));
let failed = 0;
for (const r of results) {
	const tail = r.output.endsWith('\n') ? '' : '\n';
	process.stdout.write(`\n> npm run ${r.name}\n${r.output}${tail}`);
	process.stdout.write(
		`> ${r.name}: ${r.code === 0 ? 'passed' : `FAILED (exit ${r.code})`} in ${r.seconds.toFixed(1)} s\n`,
	);
	if (r.code !== 0) failed = 1;
}
process.exit(failed);
