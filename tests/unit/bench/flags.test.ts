// The benches refuse flags they do not know (a typo or `--help` must not start the default run, which may
// score the held-out horizon).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { refuseUnknownFlags, validationArgs } from '../../bench/harness';

const KNOWN = { values: ['back', 'datasets'], switches: ['no-write'] };

class Exit extends Error {}

describe('refuseUnknownFlags', () => {
	afterEach(() => vi.restoreAllMocks());

	function run(argv: string[]): { code: number | null; err: string } {
		let err = '';
		vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
		vi.spyOn(process, 'exit').mockImplementation((c) => {
			throw new Exit(String(c));
		});
		try {
			refuseUnknownFlags(argv, KNOWN, 'x.ts');
			return { code: null, err };
		} catch (e) {
			if (e instanceof Exit) return { code: Number(e.message), err };
			throw e;
		}
	}

	it('lets known flags and their values through', () => {
		expect(run(['--back', '1', '--datasets', 'm4', '--no-write'])).toEqual({ code: null, err: '' });
	});

	it('stops on --help or a typo, naming it and the known flags', () => {
		const help = run(['--help']);
		expect(help.code).toBe(2);
		expect(help.err).toContain('unknown argument(s) --help');
		expect(help.err).toContain('--back <value>');
		expect(run(['--back', '1', '--bakc', '2']).err).toContain('--bakc 2');
	});

	it('does not read a value as a flag of its own', () => {
		// '--no-write' here is the value of --datasets, not the switch; nothing unknown is left.
		expect(run(['--datasets', '--no-write']).code).toBeNull();
	});
});

describe('validationArgs', () => {
	it('gives a validation horizon and the data sets, default or named', () => {
		expect(validationArgs(['--back', '2'], 'x.ts', 'retail:1')).toEqual({
			back: 2,
			sets: 'retail:1',
		});
		expect(validationArgs(['--datasets', 'm4:5', '--back', '1'], 'x.ts', 'retail:1')).toEqual({
			back: 1,
			sets: 'm4:5',
		});
	});

	it('refuses the held-out horizon, or no horizon at all', () => {
		expect(() => validationArgs(['--back', '0'], 'x.ts', 'retail:1')).toThrow(
			/validation horizons only/,
		);
		expect(() => validationArgs([], 'x.ts', 'retail:1')).toThrow(/validation horizons only/);
	});
});
