// End-to-end test of the forecasting CLI (npm run forecast) on small fixtures: the first test runs
// `npm run forecast -- …` as a user does, the others spawn the CLI bundled once for this file (spawn-cli.ts).
import { describe, expect, it } from 'vitest';
import type { SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { DEEP_SHOP_INPUTS } from '../../../src/ml/shop-inputs';
import { writeXlsx } from '../data/xlsx-writer';
import { ROOT, bundledClis, npmRun } from './spawn-cli';

const dir = mkdtempSync(join(tmpdir(), 'trendcast-cli-'));
const spawnCli = bundledClis(['forecast']);

type Result = { code: number | null; stdout: string; stderr: string };
const result = (r: SpawnSyncReturns<string>): Result => ({
	code: r.status,
	stdout: r.stdout,
	stderr: r.stderr,
});
const run = (args: string[]): Result => result(spawnCli('forecast', args));

function write(name: string, text: string): string {
	const p = join(dir, name);
	writeFileSync(p, text);
	return p;
}

describe('forecast CLI', { timeout: 120_000 }, () => {
	it('forecasts monthly AirPassengers and continues the dates', () => {
		const out = join(dir, 'ap-out.csv');
		// as a user runs it: the package.json script (tsx on src/cli/forecast.ts)
		const r = result(
			npmRun('forecast', [
				'--input',
				join(ROOT, 'tests/fixtures/air-passengers.csv'),
				'--horizon',
				'4',
				'--models',
				'snaive,theta',
				'--output',
				out,
			]),
		);
		expect(r.code).toBe(0);
		expect(r.stderr).toMatch(/forecast: 1\/1 series/);
		const lines = readFileSync(out, 'utf8').trim().split('\n');
		expect(lines[0]).toBe('series_id,date,model,mean,lo80,hi80,lo95,hi95');
		expect(lines.length).toBe(5);
		expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual([
			'1961-01-01',
			'1961-02-01',
			'1961-03-01',
			'1961-04-01',
		]);
		for (const l of lines.slice(1)) {
			// a combination's name has commas, so the CLI quotes it
			const m = /^AirPassengers,[\d-]+,("[^"]*"|[^,]*),(.*)$/.exec(l) as RegExpExecArray;
			expect(m[1]).toMatch(/^(snaive|theta|"(combo|median)\((snaive|theta),(snaive|theta)\)")$/);
			const [mean, lo80, hi80, lo95, hi95] = m[2].split(',');
			const v = [lo95, lo80, mean, hi80, hi95].map(Number);
			for (let i = 1; i < v.length; i++) expect(v[i]).toBeGreaterThanOrEqual(v[i - 1]);
		}
	});

	it("reads a Chinese Excel's GBK CSV and an XLSX sheet as the app does (series names intact)", () => {
		const weeks = Array.from({ length: 20 }, (_, t) =>
			new Date(Date.UTC(2024, 0, 1) + t * 7 * 86_400_000).toISOString().slice(0, 10),
		);
		// 连衣裙 (dress) in GBK, the encoding of a CSV saved by Excel on a Chinese Windows
		const dress = [193, 172, 210, 194, 200, 185];
		const ascii = (t: string) => [...t].map((c) => c.charCodeAt(0));
		const gbk = [
			...ascii('series_id,date,value\n'),
			...weeks.flatMap((d, t) => [...dress, ...ascii(`,${d},${10 + (t % 3)}\n`)]),
		];
		const gbkPath = join(dir, 'gbk.csv');
		writeFileSync(gbkPath, Uint8Array.from(gbk));
		const r = run(['--input', gbkPath, '--horizon', '2', '--models', 'naive']);
		expect(r.code).toBe(0);
		const lines = r.stdout.trim().split('\n').slice(1);
		expect(lines.map((l) => l.split(',').slice(0, 4).join(','))).toEqual([
			'连衣裙,2024-05-20,naive,11',
			'连衣裙,2024-05-27,naive,11',
		]);
		const xlsxPath = join(dir, 'sales.xlsx');
		writeFileSync(
			xlsxPath,
			writeXlsx([['series_id', 'date', 'value'], ...weeks.map((d, t) => ['裙', d, 10 + (t % 3)])]),
		);
		const x = run(['--input', xlsxPath, '--horizon', '1', '--models', 'naive']);
		expect(x.code).toBe(0);
		expect(x.stdout.split('\n')[1].startsWith('裙,2024-05-20,naive,11,')).toBe(true);
	});

	it("reads a European Excel's CSV: ';' between fields, decimal commas, a bad cell named by row", () => {
		const rows = ['series_id;date;value;price'];
		for (let t = 0; t < 20; t++) {
			const d = new Date(Date.UTC(2024, 0, 1) + t * 7 * 86_400_000).toISOString().slice(0, 10);
			rows.push(`Kleid;${d};${10 + (t % 3)},5;19,90`);
		}
		const r = run([
			'--input',
			write('eu.csv', rows.join('\n')),
			'--horizon',
			'1',
			'--models',
			'naive',
		]);
		expect(r.code).toBe(0);
		// the last week sold 11,5 (t = 19): naive repeats it
		expect(r.stdout.split('\n')[1].split(',').slice(0, 4)).toEqual([
			'Kleid',
			'2024-05-20',
			'naive',
			'11.5',
		]);
		rows[7] = rows[7].replace(/;\d+,5;/, ';zwölf;');
		const bad = run(['--input', write('eu-bad.csv', rows.join('\n')), '--horizon', '1']);
		expect(bad.code).toBe(1);
		expect(bad.stderr).toMatch(
			/^error: eu-bad\.csv, row 7 \(line 8\), column "value": "zwölf" is not a number/,
		);
	});

	it('says before forecasting that the --output folder is missing (no stack trace)', () => {
		const input = write('out-check.csv', 'series_id,date,value\na,1,1\na,2,2\na,3,3\n');
		const r = run(['--input', input, '--horizon', '1', '--output', join(dir, 'no-such', 'o.csv')]);
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/^error: --output .*o\.csv: the folder .*no-such does not exist\.\n$/);
	});

	it('handles several weekly series and integer periods, writing to stdout', () => {
		const rows = ['series_id,date,value'];
		for (const id of ['a', 'b']) {
			for (let t = 0; t < 30; t++) {
				const d = new Date(Date.UTC(2024, 0, 1) + t * 7 * 86_400_000).toISOString().slice(0, 10);
				rows.push(`${id},${d},${id === 'a' ? 10 + (t % 4) : 50 + t}`);
			}
		}
		const r = run([
			'--input',
			write('weekly.csv', rows.join('\n')),
			'--horizon',
			'3',
			'--models',
			'naive,drift',
		]);
		expect(r.code).toBe(0);
		const lines = r.stdout.trim().split('\n');
		expect(lines.length).toBe(1 + 2 * 3);
		expect(lines[1].startsWith('a,2024-07-29,')).toBe(true);
		expect(lines[4].split(',').slice(0, 2)).toEqual(['b', '2024-07-29']);
		const ints = [
			'series_id,date,value',
			...Array.from({ length: 12 }, (_, t) => `x,${t + 1},${t}`),
		];
		const r2 = run([
			'--input',
			write('int.csv', ints.join('\n')),
			'--horizon',
			'2',
			'--models',
			'drift',
		]);
		expect(r2.code).toBe(0);
		const l2 = r2.stdout.trim().split('\n');
		expect(l2[1].split(',').slice(0, 4)).toEqual(['x', '13', 'drift', '12']);
	});

	it('adds the model learned from all series and reports its batch gate; --no-pooled leaves it out', () => {
		// mean-reverting products of different sizes sharing one dynamic: the pooled model learns it
		const rows = ['series_id,date,value'];
		let s = 7;
		const noise = (): number => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32 - 0.5;
		for (let i = 0; i < 12; i++) {
			let z = 1;
			for (let t = 0; t < 40; t++) {
				z = 1 + 0.6 * (z - 1) + 0.3 * noise();
				const d = new Date(Date.UTC(2024, 0, 1) + t * 7 * 86_400_000).toISOString().slice(0, 10);
				rows.push(`p${i},${d},${(3 * 10 ** (i % 4) * z).toFixed(3)}`);
			}
		}
		const input = write('pooled.csv', rows.join('\n'));
		const on = run(['--input', input, '--horizon', '4', '--season', '1']);
		expect(on.code).toBe(0);
		const gate = /pooled: .* ([\d.]+) over (\d+) series: (kept as a candidate|not used)/.exec(
			on.stderr,
		);
		expect(gate).not.toBeNull();
		expect(Number(gate![2])).toBe(12);
		const models = on.stdout
			.trim()
			.split('\n')
			.slice(1)
			.map((l) => l.split(',')[2]);
		const used = models.filter((m) => /(^|[(,])pooled([,)]|$)/.test(m)).length;
		// the shared dynamic passes the gate: some forecasts use it and say so
		expect(gate![3]).toBe('kept as a candidate');
		expect(Number(gate![1])).toBeLessThanOrEqual(0.9);
		expect(used).toBeGreaterThan(0);
		expect(on.stderr).toMatch(/uses the shop-wide model learned from all 12 products/);
		const off = run(['--input', input, '--horizon', '4', '--season', '1', '--no-pooled']);
		expect(off.code).toBe(0);
		expect(off.stderr).not.toMatch(/pooled:/);
		expect(off.stdout).not.toMatch(/pooled/);
	});

	it('keeps years 0001–0099 (Date.UTC would move them to the 1900s)', () => {
		const rows = ['series_id,date,value'];
		for (let t = 0; t < 24; t++)
			rows.push(
				`m,00${98 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}-01,${10 + (t % 5)}`,
			);
		for (let t = 0; t < 20; t++)
			rows.push(
				`w,${new Date(Date.UTC(2001, 0, 1) + t * 7 * 86_400_000).toISOString().slice(0, 10).replace(/^2001/, '0001')},${5 + (t % 3)}`,
			);
		const r = run([
			'--input',
			write('ancient.csv', rows.join('\n')),
			'--horizon',
			'2',
			'--models',
			'naive',
		]);
		expect(r.code).toBe(0);
		const lines = r.stdout.trim().split('\n').slice(1);
		expect(lines.map((l) => l.split(',').slice(0, 2).join(','))).toEqual([
			'm,0100-01-01',
			'm,0100-02-01',
			'w,0001-05-21',
			'w,0001-05-28',
		]);
	});

	it('continues month-end dates as month ends, with a yearly season (pandas writes monthly data so)', () => {
		const rows = ['series_id,date,value'];
		for (let t = 0; t < 30; t++) {
			const [y, m] = [2020 + Math.floor(t / 12), t % 12];
			const end = new Date(Date.UTC(y, m + 1, 0)).toISOString().slice(0, 10);
			rows.push(`me,${end},${10 + m}`);
		}
		const r = run(['--input', write('month-end.csv', rows.join('\n')), '--horizon', '8']);
		expect(r.code).toBe(0);
		const lines = r.stdout.trim().split('\n').slice(1);
		// not a 29-day step (2022-07-29, 2022-08-27, …)
		expect(lines.map((l) => l.split(',')[1])).toEqual([
			'2022-07-31',
			'2022-08-31',
			'2022-09-30',
			'2022-10-31',
			'2022-11-30',
			'2022-12-31',
			'2023-01-31',
			'2023-02-28',
		]);
		// the yearly season is seen: December well above January
		const mean = (k: number) => Number(lines[k].split(',').at(-5));
		expect(mean(5) - mean(6)).toBeGreaterThan(5);
		expect(r.stderr).not.toMatch(/warning/);
	});

	it('warns about a missing period, naming the row: the models read the rows as consecutive', () => {
		const rows = ['series_id,date,value'];
		for (let t = 0; t < 20; t++) {
			if (t === 9) continue;
			const d = new Date(Date.UTC(2024, 0, 1) + t * 7 * 86_400_000).toISOString().slice(0, 10);
			rows.push(`gap,${d},${5 + (t % 3)}`);
		}
		const r = run(['--input', write('gap.csv', rows.join('\n')), '--horizon', '2']);
		expect(r.code).toBe(0);
		expect(r.stderr).toContain(
			'warning: gap.csv, row 10 (line 11), column "date": "2024-03-11" of series "gap" comes more than one period after "2024-02-26" (next expected "2024-03-04").',
		);
	});

	it('labels the forecast from the last known value when the history ends with NA', () => {
		const rows = ['series_id,date,value'];
		for (let t = 0; t < 30; t++) rows.push(`s,${t + 1},${t < 28 ? 10 + (t % 4) : 'NA'}`);
		const r = run(['--input', write('trailing-na.csv', rows.join('\n')), '--horizon', '3']);
		expect(r.code).toBe(0);
		expect(r.stderr).toMatch(/2 missing values at the end were ignored/);
		const lines = r.stdout.trim().split('\n').slice(1);
		// periods 29 and 30 had no value: they are the first two forecast periods, then 31
		expect(lines.map((l) => l.split(',')[1])).toEqual(['29', '30', '31']);
	});

	it('names the bad row and exits with code 1', () => {
		const bad = write('bad.csv', 'series_id,date,value\na,2024-01-01,3\na,2024-01-08,abc\n');
		const r = run(['--input', bad, '--horizon', '2']);
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/bad\.csv, row 2 \(line 3\), column "value": "abc" is not a number/);
		const badDate = write('bad-date.csv', 'series_id,date,value\na,2024-01-01,3\na,01/08/2024,4\n');
		expect(run(['--input', badDate, '--horizon', '2']).stderr).toMatch(
			/bad-date\.csv, row 2 .*column "date": "01\/08\/2024"/,
		);
		// a day that does not exist is named, not moved to the next month
		for (const day of ['2024-13-01', '2023-02-29']) {
			const r2 = run([
				'--input',
				write('no-day.csv', `series_id,date,value\na,2024-01-01,3\na,${day},4\n`),
				'--horizon',
				'2',
			]);
			expect(r2.code).toBe(1);
			expect(r2.stderr).toMatch(
				new RegExp(`no-day\\.csv, row 2 \\(line 3\\), column "date": "${day}"`),
			);
		}
		const unordered = write('unordered.csv', 'series_id,date,value\na,2,3\na,1,4\n');
		expect(run(['--input', unordered, '--horizon', '2']).stderr).toMatch(
			/unordered\.csv, row 2 .*column "date".*not after/,
		);
		const header = write('header.csv', 'id,when,qty\na,1,3\n');
		expect(run(['--input', header, '--horizon', '2']).stderr).toMatch(
			/header\.csv: the header must have columns series_id,date,value/,
		);
		const noId = write('no-id.csv', 'series_id,date,value\na,1,3\n,2,4\n');
		expect(run(['--input', noId, '--horizon', '2']).stderr).toMatch(
			/no-id\.csv, row 2 \(line 3\), column "series_id": empty/,
		);
	});

	/** Weekly long CSV: y = 50 + 20·promo + noise with promo every fifth week, plus `future` rows. */
	function promoCsv(ids: string[], n: number, future: number, extra = ''): string {
		const rows = [`series_id,date,value,promo${extra ? ',' + extra : ''}`];
		let s = 1;
		const noise = (): number => {
			s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
			return 6 * (s / 4294967296 - 0.5);
		};
		for (const id of ids) {
			for (let t = 0; t < n + future; t++) {
				const d = new Date(Date.UTC(2023, 0, 2) + t * 7 * 86_400_000).toISOString().slice(0, 10);
				const promo = t % 5 === 2 ? 1 : 0;
				const value = t < n ? (50 + 20 * promo + noise()).toFixed(2) : '';
				rows.push(`${id},${d},${value},${promo}${extra ? ',9.99' : ''}`);
			}
		}
		return rows.join('\n') + '\n';
	}

	it('uses extra columns as regressors with their future rows', () => {
		const r = run([
			'--input',
			write('promo.csv', promoCsv(['a'], 60, 5, 'price')),
			'--horizon',
			'5',
			'--season',
			'1',
		]);
		expect(r.code).toBe(0);
		expect(r.stderr).toMatch(
			/a: 'price' \(its value per period\) stayed the same over the history used, so its effect cannot be measured: left out\./,
		);
		expect(r.stderr).not.toMatch(/warning/);
		const lines = r.stdout.trim().split('\n');
		expect(lines[0]).toBe('series_id,date,model,mean,lo80,hi80,lo95,hi95');
		expect(lines.length).toBe(6);
		// the dates are those of the future rows: periods 60 … 64, promo in period 62
		expect(lines[1].split(',')[1]).toBe('2024-02-26');
		expect(lines[5].split(',')[1]).toBe('2024-03-25');
		const mean = lines
			.slice(1)
			.map((l) => Number(/,([^,]+),[^,]+,[^,]+,[^,]+,[^,]+$/.exec(l)?.[1]));
		for (const j of [0, 1, 3, 4]) expect(mean[2] - mean[j]).toBeGreaterThan(12);
	});

	it('names the bad regressor cell and rejects a wrong number of future rows', () => {
		const bad = write(
			'bad-reg.csv',
			'series_id,date,value,promo\na,2024-01-01,3,0\na,2024-01-08,4,yes\n',
		);
		const r = run(['--input', bad, '--horizon', '2']);
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(
			/bad-reg\.csv, row 2 \(line 3\), column "promo": "yes" is not a number/,
		);
		const short = run(['--input', write('short.csv', promoCsv(['a'], 30, 2)), '--horizon', '3']);
		expect(short.code).toBe(1);
		expect(short.stderr).toMatch(
			/^error: short\.csv, row 31 \(line 32\), column "value": Series "a": 2 trailing row\(s\) have an empty value.*--horizon is 3/,
		);
	});

	it('holds the last regressor values with a warning when future rows are missing', () => {
		const text = promoCsv(['a'], 40, 3) + promoCsv(['b'], 40, 0).split('\n').slice(1).join('\n');
		const r = run(['--input', write('no-future.csv', text), '--horizon', '3', '--season', '1']);
		expect(r.code).toBe(0);
		expect(r.stderr).toMatch(
			/warning: series "b" has no future rows: holding the last observed value of promo/,
		);
		expect(r.stderr).not.toMatch(/series "a" has no future rows/);
		const lines = r.stdout.trim().split('\n');
		expect(lines.length).toBe(1 + 2 * 3);
		expect(lines[4].split(',').slice(0, 2)).toEqual(['b', '2023-10-09']);
	});

	it('lends a short series the yearly peak of all series together, as the app does', () => {
		// two products with three years peaking in late November, one launched 30 weeks before the
		// end (early September): its forecast runs into the peak it has never seen itself
		const rows = ['series_id,date,value'];
		const wave = (t: number) => 1 + 0.8 * Math.cos((2 * Math.PI * (t - 47)) / 52);
		for (const [id, level, from] of [
			['a', 50, 0],
			['b', 30, 0],
			['new', 8, 110],
		] as const)
			for (let t = from; t < 140; t++) {
				const d = new Date(Date.UTC(2021, 0, 4) + t * 7 * 86_400_000).toISOString().slice(0, 10);
				rows.push(`${id},${d},${(level * wave(t) + 2).toFixed(2)}`);
			}
		const r = run(['--input', write('peak.csv', rows.join('\n') + '\n'), '--horizon', '12']);
		expect(r.code).toBe(0);
		expect(r.stderr).toMatch(
			/new: The yearly peak is borrowed from all products together, which has two years of history/,
		);
		const mean = r.stdout
			.trim()
			.split('\n')
			.filter((l) => l.startsWith('new,'))
			.map((l) => Number(l.split(',').at(-5)));
		expect(mean).toHaveLength(12);
		expect(mean[11]).toBeGreaterThan(mean[0] * 1.15);
	});

	it('shrinks each series’ season towards all other series together, as the app does; --no-shrink leaves it out', () => {
		// four weekly products, a season and a half each, sharing a November peak
		const rows = ['series_id,date,value'];
		for (const [i, level, e] of [
			[0, 200, 0.05],
			[1, 120, 0.05],
			[2, 80, 0.05],
			[3, 30, 0.35],
		] as const)
			for (let t = 0; t < 90; t++) {
				const d = new Date(Date.UTC(2021, 0, 4) + t * 7 * 86_400_000).toISOString().slice(0, 10);
				const wobble = (((t * 7919 + i * 104729) % 1000) / 500 - 1) * e;
				const v = level * (1 + 0.6 * Math.cos((2 * Math.PI * (t - 47)) / 52)) * (1 + wobble);
				rows.push(`s${i},${d},${v.toFixed(2)}`);
			}
		const input = write('shrink.csv', rows.join('\n') + '\n');
		const r = run(['--input', input, '--horizon', '8']);
		expect(r.code).toBe(0);
		const models = r.stdout
			.trim()
			.split('\n')
			.slice(1)
			.map((l) => l.split(',')[2]);
		expect(models.some((m) => m.includes('~shrunk'))).toBe(true);
		expect(r.stderr).toMatch(
			/s\d: The yearly peaks mix this product’s own pattern \(\d+ % weight\) with that of all other products together/,
		);
		const off = run(['--input', input, '--horizon', '8', '--no-shrink']);
		expect(off.code).toBe(0);
		expect(off.stdout).not.toMatch(/~shrunk/);
		expect(off.stderr).not.toMatch(/yearly peaks mix/);
	});

	it('lets a product launched two weeks ago follow how the file’s earlier launches went on', () => {
		// six earlier launches whose hype halves every two weeks; the new one sold 300 and 600 (its own
		// second week after its first makes the 7th launch the curve learns from)
		const rows = ['series_id,date,value'];
		const date = (t: number) =>
			new Date(Date.UTC(2023, 0, 2) + t * 7 * 86_400_000).toISOString().slice(0, 10);
		for (let i = 0; i < 6; i++)
			for (let t = 0; t < 40; t++) {
				const a = 6 + 3 * i;
				const v = t < a ? 0 : Math.round((400 + 20 * i) * (0.1 + 0.9 * 0.5 ** ((t - a) / 2)));
				rows.push(`old${i},${date(t)},${v}`);
			}
		for (let t = 0; t < 40; t++) rows.push(`new,${date(t)},${t === 38 ? 300 : t === 39 ? 600 : 0}`);
		const r = run(['--input', write('launch.csv', rows.join('\n') + '\n'), '--horizon', '8']);
		expect(r.code).toBe(0);
		expect(r.stderr).toMatch(
			/new: A launch only weeks old: the forecast follows how your 7 earlier launches/,
		);
		const lines = r.stdout
			.trim()
			.split('\n')
			.filter((l) => l.startsWith('new,'));
		expect(lines.every((l) => l.split(',')[2] === 'launch')).toBe(true);
		const mean = lines.map((l) => Number(l.split(',').at(-5)));
		// down from the launch peak (the mean of 300 and 600 is 450) as the earlier launches went
		expect(mean[0]).toBeLessThan(450);
		expect(mean[7]).toBeLessThan(mean[0] * 0.6);
	});

	it('fits a series that ends on a sudden jump at its usual level, as the file’s earlier jumps went', () => {
		// six products selling ~20 a week with one jump to 100 each that was gone the week after; the
		// last product ends on such a jump (120)
		const rows = ['series_id,date,value'];
		const date = (t: number) =>
			new Date(Date.UTC(2023, 0, 2) + t * 7 * 86_400_000).toISOString().slice(0, 10);
		const usual = (i: number, t: number) => 20 + ((t * 7 + i * 3) % 5);
		for (let i = 0; i < 6; i++)
			for (let t = 0; t < 40; t++)
				rows.push(`p${i},${date(t)},${t === 12 + 3 * i ? 100 : usual(i, t)}`);
		for (let t = 0; t < 40; t++) rows.push(`last,${date(t)},${t === 39 ? 120 : usual(6, t)}`);
		const r = run(['--input', write('spike.csv', rows.join('\n') + '\n'), '--horizon', '4']);
		expect(r.code).toBe(0);
		expect(r.stderr).toMatch(/last: The latest sales \(120\) jumped far above the usual 2\d/);
		const mean = r.stdout
			.trim()
			.split('\n')
			.filter((l) => l.startsWith('last,'))
			.map((l) => Number(l.split(',').at(-5)));
		expect(mean).toHaveLength(4);
		// the earlier jumps did not last: back at the usual level, not pulled towards 120
		for (const v of mean) expect(v).toBeLessThan(30);
	});

	it('rejects bad options with a usage message', () => {
		const r = run(['--input', 'x.csv', '--horizon', '0']);
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/--horizon must be a positive integer/);
		expect(run(['--input', 'x.csv', '--horizon', '2', '--models', 'prophet']).stderr).toMatch(
			/Unknown model/,
		);
	});

	it('--deep adds global deep models trained on all series (WASM), same output columns', () => {
		const rows = ['series_id,date,value'];
		for (const id of ['a', 'b', 'c', 'd'])
			for (let t = 0; t < 50; t++) {
				const d = new Date(Date.UTC(2024, 0, 1) + t * 7 * 86_400_000).toISOString().slice(0, 10);
				const level = id.charCodeAt(0) - 90;
				rows.push(`${id},${d},${Math.round(level * (10 + 4 * Math.sin(t / 3)) + (t % 3))}`);
			}
		const input = write('deep.csv', rows.join('\n'));
		const r = run([
			'--input',
			input,
			'--horizon',
			'4',
			'--models',
			'naive,theta',
			'--deep',
			'mlp',
			'--deep-epochs',
			'1',
		]);
		expect(r.stderr).toMatch(/deep: training mlp for backtest origin 6 \(1\/8, (wasm|cpu)\)/);
		// the short check's model, trained without the last ⌈4/2⌉ = 2 weeks
		expect(r.stderr).toMatch(
			/deep: training mlp for the short check \(the last 2 periods held out\) \(8\/8, (wasm|cpu)\)/,
		);
		expect(r.stderr).toMatch(/deep: deep-mlp [\d.]+ s on (wasm|cpu)/);
		// the shop-wide decision says whether the deep model joins (mixed with the statistical choice):
		// the short check over all 4 series, and the mix's own backtest
		const said =
			/deep: short check \(2 periods back, (\d+) series\): MASE \/ WAPE of the 50\/50 mix ÷ the statistical forecast ([\d.]+|NaN) \/ ([\d.]+|NaN); backtest MASE of the mix ÷ the statistical choice ([\d.]+|NaN) over \d+ series: (mixed with the statistical choice|not used \(the statistical forecasts\))/.exec(
				r.stderr,
			);
		expect(said).not.toBeNull();
		expect(said![1]).toBe('4');
		// each series' notes say why (as if 2 periods ago, for 4 products)
		expect(r.stderr).toMatch(
			/\na: (Mixed half and half with your deep model|Your deep model is not mixed in)\. [^\n]*as if 2 periods ago, for 4 products/,
		);
		expect(r.code).toBe(0);
		const lines = r.stdout.trim().split('\n');
		expect(lines[0]).toBe('series_id,date,model,mean,lo80,hi80,lo95,hi95');
		expect(lines).toHaveLength(1 + 4 * 4);
		for (const l of lines.slice(1)) {
			const m = /^[abcd],[\d-]+,("[^"]*"|[^,]*),(.*)$/.exec(l) as RegExpExecArray;
			expect(m[1]).toMatch(/naive|theta|deep-mlp/);
			// kept out: the engine's own forecast, not a stand-alone deep one
			if (said![5] !== 'mixed with the statistical choice') expect(m[1]).not.toMatch(/deep-/);
			expect(m[2].split(',').map(Number).every(Number.isFinite)).toBe(true);
		}
		// too short to train: a clear error, exit code 1
		const short = write('short.csv', rows.filter((_, i) => i === 0 || (i - 1) % 50 < 4).join('\n'));
		const bad = run(['--input', short, '--horizon', '4', '--deep', '--deep-epochs', '1']);
		expect(bad.code).toBe(1);
		expect(bad.stderr).toMatch(
			/error: The deep models could not be trained: deep-mlp: no training windows/,
		);
		expect(run(['--input', input, '--horizon', '4', '--deep', 'transformer']).stderr).toMatch(
			/Unknown deep model\(s\) transformer/,
		);
		// bad input with --deep: the file, row and column, before any training
		const broken = write('deep-bad.csv', [...rows.slice(0, 20), 'a,2024-06-03,lots'].join('\n'));
		const wrong = run(['--input', broken, '--horizon', '4', '--deep']);
		expect(wrong.code).toBe(1);
		expect(wrong.stderr).toMatch(
			/deep-bad\.csv, row 20 \(line 21\), column "value": "lots" is not a number/,
		);
		expect(wrong.stderr).not.toMatch(/deep: training/);
	});

	it('--deep with several extra columns reads the promotion-like one and says so; same columns', () => {
		const rows = ['series_id,date,value,trends,promo'];
		for (const id of ['a', 'b', 'c'])
			for (let t = 0; t < 44; t++) {
				const d = new Date(Date.UTC(2024, 0, 1) + t * 7 * 86_400_000).toISOString().slice(0, 10);
				const promo = t % 9 === 0 ? 1 : 0;
				const value = t < 40 ? String(20 + 10 * promo + (t % 4)) : '';
				rows.push(`${id},${d},${value},${50 + (t % 5)},${promo}`);
			}
		const input = write('deep-promo.csv', rows.join('\n'));
		const r = run([
			'--input',
			input,
			'--horizon',
			'4',
			'--models',
			'naive',
			'--deep',
			'mlp',
			'--deep-epochs',
			'1',
		]);
		// with the shop inputs on (DEEP_SHOP_INPUTS), a model trained from scratch also reads the next
		// column as its signal feature (src/ml/features.ts feature 13)
		expect(r.stderr).toMatch(
			DEEP_SHOP_INPUTS
				? /deep: the deep models read the column "promo" as their promotion\/signal input and "trends" as their second signal input \(models trained from scratch\)/
				: /deep: the deep models read the column "promo" as their promotion\/signal input; "trends" is used by the statistical models only/,
		);
		expect(r.code).toBe(0);
		const lines = r.stdout.trim().split('\n');
		expect(lines[0]).toBe('series_id,date,model,mean,lo80,hi80,lo95,hi95');
		expect(lines).toHaveLength(1 + 3 * 4);
	});

	it('--deep on monthly data trains no deep model and gives the statistical forecasts', () => {
		const rows = ['series_id,date,value'];
		for (const id of ['a', 'b', 'c'])
			for (let t = 0; t < 40; t++) {
				const d = new Date(Date.UTC(2021, t, 1)).toISOString().slice(0, 10);
				rows.push(`${id},${d},${Math.round(50 + 10 * Math.sin(t / 2) + (t % 4))}`);
			}
		const input = write('deep-month.csv', rows.join('\n'));
		const r = run(['--input', input, '--horizon', '3', '--models', 'naive,theta', '--deep']);
		expect(r.code).toBe(0);
		expect(r.stderr).toMatch(/deep: monthly data: the deep models are not used/);
		expect(r.stderr).not.toMatch(/deep: training/);
		const lines = r.stdout.trim().split('\n');
		expect(lines).toHaveLength(1 + 3 * 3);
		for (const l of lines.slice(1))
			expect(l).toMatch(/^[abc],2024-0[567]-01,(naive|theta|"[^"]*"),/);
		for (const l of lines.slice(1)) expect(l).not.toMatch(/deep-/);
	});

	it('loads TF.js only with --deep: a plain forecast starts without it', async () => {
		// the modules each start loads (static imports, followed through the split chunks) against
		// those a --deep run adds (the dynamic import of deep-node)
		const { metafile } = await build({
			entryPoints: [join(ROOT, 'src/cli/forecast.ts')],
			bundle: true,
			splitting: true,
			format: 'esm',
			platform: 'node',
			packages: 'external',
			outdir: join(dir, 'graph'),
			write: false,
			metafile: true,
			logLevel: 'silent',
		});
		const loaded = (kinds: string[]): string[] => {
			const entry = Object.keys(metafile.outputs).find((o) =>
				metafile.outputs[o].entryPoint?.endsWith('src/cli/forecast.ts'),
			)!;
			const seen = new Set([entry]);
			const packages: string[] = [];
			for (const o of seen)
				for (const i of metafile.outputs[o]?.imports ?? [])
					if (!kinds.includes(i.kind)) continue;
					else if (i.external) packages.push(i.path);
					else seen.add(i.path);
			return packages;
		};
		expect(loaded(['import-statement']).filter((p) => p.startsWith('@tensorflow/'))).toEqual([]);
		expect(loaded(['import-statement', 'dynamic-import'])).toContain('@tensorflow/tfjs');
	});
});
