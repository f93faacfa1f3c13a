// The one CSV reader/writer (src/core/ingest/csv.ts): round trips (fast-check), quoting of CR/LF/quotes/
// separators, and formula neutralising (OWASP CSV injection), incl. the `line\r=3+3` export bug of issue #9.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	csvCell,
	csvRow,
	isFormulaLike,
	neutralizeFormula,
	parseCsv,
	parseCsvLine,
	toCsv,
} from '../../../src/core/ingest/csv';

/** Cells drawn from text that is heavy in CSV specials and formula starts. */
const cell = fc.oneof(
	fc.string(),
	fc.string({
		unit: fc.constantFrom(
			'a',
			'Z',
			'1',
			'-',
			'.',
			',',
			';',
			'"',
			'\n',
			'\r',
			'\t',
			' ',
			'=',
			'+',
			'@',
			'£',
			'连',
		),
	}),
	fc.double({ noNaN: true }).map(String),
);
const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 8 });
const delimiter = fc.constantFrom(',', ';', '\t', '|');

describe('CSV writer + reader round trip', () => {
	it('parseCsv(toCsv(rows)) gives the rows back when formula neutralising is off', () => {
		fc.assert(
			fc.property(rows, delimiter, fc.constantFrom('\n', '\r\n'), (rs, d, eol) => {
				const text = toCsv(rs, { delimiter: d, formulaSafe: false, eol });
				expect(parseCsv(text, { delimiter: d })).toEqual(rs);
			}),
			{ numRuns: 400 },
		);
	});

	it('with neutralising on, reads back the neutralised cells and no cell is a live formula', () => {
		fc.assert(
			fc.property(rows, delimiter, (rs, d) => {
				const back = parseCsv(toCsv(rs, { delimiter: d }), { delimiter: d });
				expect(back).toEqual(rs.map((r) => r.map(neutralizeFormula)));
				for (const r of back) for (const c of r) expect(isFormulaLike(c)).toBe(false);
			}),
			{ numRuns: 400 },
		);
	});

	it('a written line never starts a new spreadsheet row inside a cell: CR and LF are always quoted', () => {
		fc.assert(
			fc.property(fc.array(cell, { minLength: 1, maxLength: 6 }), (r) => {
				const line = csvRow(r);
				// Outside quotes there is no line break at all.
				expect(line.replace(/"(?:[^"]|"")*"/g, '')).not.toMatch(/[\r\n]/);
			}),
		);
	});
});

describe('formula neutralising', () => {
	it.each([
		['=1+1', "'=1+1"],
		['+1+1', "'+1+1"],
		['-1+1', "'-1+1"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\t=1', "'\t=1"],
		['\r=1', "'\r=1"],
		['  =HYPERLINK("http://x")', '\'  =HYPERLINK("http://x")'],
		['-A1', "'-A1"],
		['+44 20 7946 0000', "'+44 20 7946 0000"],
	])('%j is prefixed with a quote', (raw, safe) => {
		expect(neutralizeFormula(raw)).toBe(safe);
	});

	it.each(['-12', '-0.5', '+3', '-1e-7', '12.50', 'WHITE HANGING HEART', '', 'a=b', '3-2'])(
		'%j stays as it is',
		(raw) => {
			expect(neutralizeFormula(raw)).toBe(raw);
		},
	);

	it('quotes a bare carriage return, so `line\\r=3+3` stays one cell (issue #9 item 13)', () => {
		const out = csvCell('line\r=3+3');
		expect(out).toBe('"line\r=3+3"');
		const text = toCsv([
			['id', 'description'],
			['A1', 'line\r=3+3'],
		]);
		expect(parseCsv(text)).toEqual([
			['id', 'description'],
			['A1', 'line\r=3+3'],
		]);
		// A reader that splits records at CR outside quotes (as spreadsheets do) sees no line "=3+3".
		const records = text.replace(/"(?:[^"]|"")*"/g, 'Q').split(/\r\n|\r|\n/);
		expect(records.some((l) => l.startsWith('='))).toBe(false);
	});

	it('numbers are written as numbers, non-finite ones empty', () => {
		expect(csvRow([-5, 0.25, NaN, null, undefined, Infinity])).toBe('-5,0.25,,,,');
	});
});

describe('CSV reader', () => {
	it('reads LF, CRLF and CR-only line endings, a BOM, and skips blank lines', () => {
		expect(parseCsv('\ufeffa,b\r\n1,2\r\n\r\n3,4')).toEqual([
			['a', 'b'],
			['1', '2'],
			['3', '4'],
		]);
		expect(parseCsv('a,b\r1,2\r')).toEqual([
			['a', 'b'],
			['1', '2'],
		]);
	});

	it('keeps separators, quotes and line breaks inside quoted fields', () => {
		expect(parseCsv('"a,1","say ""hi""","x\ny"\n')).toEqual([['a,1', 'say "hi"', 'x\ny']]);
	});

	it('a quote inside an unquoted field is text; maxRows stops early', () => {
		expect(parseCsvLine('5" heel,2')).toEqual(['5" heel', '2']);
		expect(parseCsv('a\nb\nc', { maxRows: 2 })).toEqual([['a'], ['b']]);
	});

	it('reads other separators', () => {
		expect(parseCsvLine('a;"b;c";d', ';')).toEqual(['a', 'b;c', 'd']);
	});
});
