/// <reference types="node" />
// Shared argument parsing and file reading of the signals CLIs (classify, newproduct): `--name value`
// or `--name=value`, unknown options refused, a usage error printed without a stack trace (exit 1).
import { accessSync, constants, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { RawTable } from '../core/ingest/schemas/table';
import { readTable } from '../../workers/data/read-table';
import { messageOf } from '../core/messages';
import { translate } from '../lib/i18n/translate';

/** A usage or input error, printed without a stack trace. */
export class CliError extends Error {
	override name = 'CliError';
}

/** `--key value` pairs; throws on an unknown key or a missing value. */
export function parseFlags(
	argv: string[],
	known: readonly string[],
	usage: string,
): Map<string, string> {
	const out = new Map<string, string>();
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--help' || a === '-h') throw new CliError(usage);
		const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
		if (!m || !known.includes(m[1])) throw new CliError(`Unknown argument "${a}".\n${usage}`);
		const v = m[2] ?? argv[++i];
		if (v === undefined || v.startsWith('--'))
			throw new CliError(`--${m[1]} needs a value.\n${usage}`);
		out.set(m[1], v);
	}
	return out;
}

/** An error's words for the terminal: a coded error (core, workers) in English, else its message. */
export function errorText(e: unknown): string {
	const m = messageOf(e);
	return m ? translate('en', m.code, m.params) : (e as Error).message;
}

/**
 * Reads a CSV/TSV/XLSX/Parquet/JSON file (gzip'ed CSV too) into a RawTable, as the app does: the
 * reader unpacks gzip within the import's budget, and a broken or empty file is a sentence, never a
 * message code or zlib's stack.
 */
export async function readTableFile(path: string): Promise<RawTable> {
	let bytes: Uint8Array;
	try {
		bytes = new Uint8Array(readFileSync(path));
	} catch (e) {
		throw new CliError(`Cannot read ${path}: ${(e as Error).message}`);
	}
	try {
		return await readTable(path, bytes);
	} catch (e) {
		throw new CliError(errorText(e));
	}
}

/**
 * Fails early (before any training) when `--output` cannot be written: its folder is missing or
 * read-only, or the path is a folder.
 */
export function checkOutput(path: string | undefined): void {
	if (path === undefined) return;
	const dir = dirname(resolve(path));
	if (!existsSync(dir)) throw new CliError(`--output ${path}: the folder ${dir} does not exist.`);
	if (existsSync(path) && statSync(path).isDirectory())
		throw new CliError(`--output ${path} is a folder; give a file name.`);
	try {
		accessSync(existsSync(path) ? path : dir, constants.W_OK);
	} catch {
		throw new CliError(`--output ${path}: cannot write there (permission denied).`);
	}
}

/** Writes the output file; a failure is a clear CLI error naming the path. */
export function writeOutput(path: string, text: string): void {
	try {
		writeFileSync(path, text);
	} catch (e) {
		throw new CliError(`Cannot write ${path}: ${(e as Error).message}`);
	}
}

/** Runs a CLI main, printing errors as `error: …` with exit code 1. */
export function runCli(main: () => Promise<void>): void {
	main().catch((e: unknown) => {
		const err = e as Error;
		process.stderr.write(
			`error: ${messageOf(err) ? errorText(err) : ['CliError', 'SchemaError', 'SearchParseError'].includes(err.name) ? err.message : (err.stack ?? err.message)}\n`,
		);
		process.exitCode = 1;
	});
}
