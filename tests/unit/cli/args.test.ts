// The signals CLIs' file reading (classify, newproduct: src/cli/args.ts): a broken or empty file is an
// English sentence naming the file, never a raw message code or zlib's stack trace.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CliError, readTableFile } from '../../../src/cli/args';

const dir = mkdtempSync(join(tmpdir(), 'tc-args-'));

async function failure(name: string, bytes: Uint8Array): Promise<Error> {
	const path = join(dir, name);
	writeFileSync(path, bytes);
	try {
		await readTableFile(path);
	} catch (e) {
		return e as Error;
	}
	throw new Error(`${name} was read`);
}

describe('readTableFile', () => {
	it('says an empty file is empty, in words (not the code sniff_empty)', async () => {
		const e = await failure('empty.csv', new Uint8Array());
		expect(e).toBeInstanceOf(CliError);
		expect(e.message).toContain('empty.csv');
		expect(e.message).toMatch(/empty/);
		expect(e.message).not.toMatch(/sniff_|\{"/);
	});

	it('says a cut-off gzip export is damaged, naming it, without a stack trace', async () => {
		const e = await failure('sales.csv.gz', gzipSync('a,b\n1,2\n'.repeat(50)).subarray(0, 12));
		expect(e).toBeInstanceOf(CliError);
		expect(e.message).toContain('sales.csv.gz');
		expect(e.message).toMatch(/damaged gzip/);
		expect(e.message).not.toMatch(/zlib|at \w+ \(|import_bad_gzip/);
	});

	it('still reads a gzip-ed CSV', async () => {
		const path = join(dir, 'ok.csv.gz');
		writeFileSync(path, gzipSync('text,label\ngood,1\nbad,0\n'));
		const t = await readTableFile(path);
		expect(t.header).toEqual(['text', 'label']);
		expect(t.rows).toEqual([
			['good', '1'],
			['bad', '0'],
		]);
	});
});
