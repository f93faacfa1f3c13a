// The signals CLIs end to end: `classify` on real labelled Chinese reviews, `newproduct` on a
// VISUELLE slice (history = earlier seasons, input = every 8th AW19 product: beats the category mean,
// 80 % bounds cover most weeks), and their errors (exit code 1). The first test of each CLI runs
// `npm run <cli> -- …` as a user does; the others spawn the CLIs bundled once for this file (spawn-cli.ts).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/ingest/csv';
import { writeXlsx } from '../data/xlsx-writer';
import {
	forecastNewProduct,
	launchScores,
	categoryMeanForecast,
	type LaunchProduct,
} from '../../../src/core/newproduct/knn';
import { ROOT, bundledClis, npmRun } from '../cli/spawn-cli';

const DATA = join(ROOT, '../shared/data');
const dir = mkdtempSync(join(tmpdir(), 'tc-signals-cli-'));
const run = bundledClis(['classify', 'newproduct']);

describe('classify CLI', () => {
	it('trains on labelled reviews and writes predicted,probability for each input row', () => {
		const rows = parseCsv(
			readFileSync(join(DATA, 'zh_reviews/clothing_sentiment_train.csv'), 'utf8'),
		);
		const train = join(dir, 'train.csv');
		const input = join(dir, 'new.csv');
		const out = join(dir, 'out.csv');
		const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
		writeFileSync(
			train,
			rows
				.filter((_r, i) => i % 3 === 0)
				.map((r) => r.map(q).join(','))
				.join('\n'),
		);
		writeFileSync(
			input,
			['review_id,review', '1,质量很好，尺码标准，很满意', '2,质量太差了，起球，退货'].join('\n'),
		);
		// as a user runs it: the package.json script (tsx on src/cli/classify.ts)
		const r = npmRun('classify', [
			'--train',
			train,
			'--text',
			'review',
			'--label',
			'label',
			'--input',
			input,
			'--output',
			out,
		]);
		expect(r.status, r.stderr).toBe(0);
		expect(r.stderr).toMatch(/held-out \d+ rows: accuracy 0\.\d+/);
		const res = parseCsv(readFileSync(out, 'utf8'));
		expect(res[0]).toEqual(['review_id', 'review', 'predicted', 'probability']);
		expect(res.slice(1).map((x) => x[2])).toEqual(['1', '0']);
		expect(Number(res[1][3])).toBeGreaterThan(0.5);
	}, 120_000);

	it('warns on stderr when the training file has too few rows per label (2 rows)', () => {
		const train = join(dir, 'two-rows.csv');
		writeFileSync(train, 'review,label\n质量很好，很满意,1\n质量太差了，退货,0\n');
		const r = run('classify', [
			'--train',
			train,
			'--text',
			'review',
			'--label',
			'label',
			'--input',
			train,
		]);
		expect(r.status, r.stderr).toBe(0);
		expect(r.stderr).toContain(
			`warning: ${train} has too few labelled rows to learn from: 1 row labelled "0", 1 row labelled "1" (column "label"); at least 10 rows per label are needed.`,
		);
		// no "accuracy 0.000" on an empty held-out share
		expect(r.stderr).not.toMatch(/accuracy \d/);
		expect(r.stderr).toContain('held-out: none');
		// the predictions still come (stdout), the warning stays off them
		expect(parseCsv(r.stdout)[0]).toEqual(['review', 'label', 'predicted', 'probability']);
	}, 120_000);

	it('names a missing column and exits with 1', () => {
		const f = join(dir, 'x.csv');
		writeFileSync(f, 'a,b\n1,2\n');
		const r = run('classify', ['--train', f, '--text', 'review', '--label', 'b', '--input', f]);
		expect(r.status).toBe(1);
		expect(r.stderr).toMatch(/x\.csv: no column "review" \(--text\)/);
	});

	it('newproduct: a history without a release-date column is one error line and exit 1', () => {
		const week = Array.from({ length: 12 }, (_, i) => String(i));
		const rows = [['external_code', 'category', 'color', ...week].join(',')];
		for (let p = 1; p <= 8; p++) rows.push([p, 'dress', 'red', ...week.map(() => p)].join(','));
		const hist = join(dir, 'no-release.csv');
		writeFileSync(hist, rows.join('\n') + '\n');
		const r = run('newproduct', ['--history', hist, '--input', hist, '--horizon', '4']);
		expect(r.status).toBe(1);
		expect(r.stderr).toMatch(
			/^error: .*no-release\.csv: no column for the release date \(expected a header such as "release_date"/,
		);
		expect(r.stderr.trim().split('\n')).toHaveLength(1);
	});

	it('newproduct: reads --trends from an XLSX sheet as the app does (not its zip bytes)', () => {
		const trends = parseCsv(readFileSync(join(DATA, 'visuelle/gtrends.csv'), 'utf8'))
			.filter((r) => r.length > 1)
			.map((r, i) => (i === 0 ? r : r.map((c, j) => (j === 0 ? c : Number(c)))));
		const xlsx = join(dir, 'gtrends.xlsx');
		writeFileSync(xlsx, writeXlsx(trends));
		const slice = readFileSync(join(DATA, 'visuelle/train.csv'), 'utf8').split('\n');
		const hist = join(dir, 'hist-x.csv');
		const input = join(dir, 'new-x.csv');
		writeFileSync(hist, slice.slice(0, 300).join('\n'));
		writeFileSync(input, [slice[0], ...slice.slice(300, 310)].join('\n'));
		const r = run('newproduct', [
			'--history',
			hist,
			'--trends',
			xlsx,
			'--input',
			input,
			'--horizon',
			'4',
		]);
		expect(r.status, r.stderr).toBe(0);
		expect(r.stderr).toMatch(/^search features: /m);
		expect(r.stdout.split('\n')[0]).toBe('external_code,week,mean,lo80,hi80');
	});

	it('refuses an --output it cannot write before training, without a stack trace (both CLIs)', () => {
		const f = join(dir, 'y.csv');
		writeFileSync(f, 'text,label\ngood,1\nbad,0\n');
		const out = join(dir, 'no-such-folder', 'out.csv');
		const c = run('classify', [
			'--train',
			f,
			'--text',
			'text',
			'--label',
			'label',
			'--input',
			f,
			'--output',
			out,
		]);
		expect(c.status).toBe(1);
		expect(c.stderr).toMatch(
			/^error: --output .*out\.csv: the folder .*no-such-folder does not exist\.\n$/,
		);
		const n = run('newproduct', ['--history', f, '--input', f, '--horizon', '12', '--output', dir]);
		expect(n.status).toBe(1);
		expect(n.stderr).toMatch(/^error: --output .* is a folder; give a file name\.\n$/);
	});
});

describe('newproduct CLI', () => {
	it('forecasts AW19 products from earlier launches in VISUELLE layout', () => {
		const text = readFileSync(join(DATA, 'visuelle/train.csv'), 'utf8');
		const rows = parseCsv(text);
		const season = rows[0].indexOf('season');
		const hist = [rows[0], ...rows.slice(1).filter((r) => r[season] !== 'AW19')];
		const test = [
			rows[0],
			...rows
				.slice(1)
				.filter((r) => r[season] === 'AW19')
				.filter((_r, i) => i % 8 === 0),
		];
		const nTest = test.length - 1;
		const h = join(dir, 'hist.csv');
		const n = join(dir, 'new.csv');
		const out = join(dir, 'np.csv');
		writeFileSync(h, hist.map((r) => r.join(',')).join('\n'));
		writeFileSync(n, test.map((r) => r.join(',')).join('\n'));
		// as a user runs it: the package.json script (tsx on src/cli/newproduct.ts)
		const r = npmRun('newproduct', [
			'--history',
			h,
			'--trends',
			join(DATA, 'visuelle/gtrends.csv'),
			'--input',
			n,
			'--horizon',
			'12',
			'--output',
			out,
		]);
		expect(r.status, r.stderr).toBe(0);
		const res = parseCsv(readFileSync(out, 'utf8'));
		expect(res[0]).toEqual(['external_code', 'week', 'mean', 'lo80', 'hi80']);
		expect(res.length).toBe(1 + nTest * 12);
		for (const x of res.slice(1)) {
			const [lo, m, hi] = [Number(x[3]), Number(x[2]), Number(x[4])];
			expect(lo).toBeLessThanOrEqual(m);
			expect(m).toBeLessThanOrEqual(hi);
			expect(m).toBeGreaterThanOrEqual(0);
			expect(m).toBeLessThan(1); // history's units: VISUELLE sales ÷ 1065
		}
		expect(r.stderr).toMatch(/search features: WAPE [\d.]+ with, [\d.]+ without/);
		// Against the category-mean launch curve of the same history, and the 80 % bounds' coverage.
		const week0 = rows[0].indexOf('0');
		const cat = rows[0].indexOf('category');
		const toProduct = (r: string[]): LaunchProduct => ({
			id: r[0],
			attributes: { category: r[cat] },
			launch: 0,
			curve: r.slice(week0, week0 + 12).map(Number),
		});
		const histProducts = hist.slice(1).map(toProduct);
		const actual = test.slice(1).map((r) => toProduct(r).curve!);
		const byId = new Map<string, number[][]>();
		for (const x of res.slice(1))
			byId.set(x[0], [...(byId.get(x[0]) ?? []), x.slice(2).map(Number)]);
		const code = rows[0].indexOf('external_code');
		const fc = test.slice(1).map((r) => byId.get(r[code])!);
		const cli = launchScores(
			actual,
			fc.map((f) => f.map((w) => w[0])),
		).wape;
		const base = launchScores(
			actual,
			test.slice(1).map((r) => categoryMeanForecast(toProduct(r), histProducts, 12)),
		).wape;
		expect(cli).toBeLessThan(base * 0.9);
		let inside = 0;
		actual.forEach((a, i) =>
			a.forEach((y, h) => (inside += y >= fc[i][h][1] && y <= fc[i][h][2] ? 1 : 0)),
		);
		const coverage = inside / (actual.length * 12);
		expect(coverage).toBeGreaterThan(0.65);
		expect(coverage).toBeLessThan(0.95);
		const bad = run('newproduct', ['--history', h, '--input', n, '--horizon', '13']);
		expect(bad.status).toBe(1);
		expect(bad.stderr).toMatch(/12 week columns .* --horizon 13/);
	}, 120_000);
});

describe('new-product kNN', () => {
	it('recovers the launch curve of a group of look-alike products better than the overall mean', () => {
		const mk = (
			id: string,
			cat: string,
			color: string,
			level: number,
			launch: number,
		): LaunchProduct => ({
			id,
			attributes: { category: cat, color },
			launch,
			curve: Array.from({ length: 4 }, (_v, w) => level * (4 - w)),
		});
		const hist: LaunchProduct[] = [];
		for (let i = 0; i < 30; i++)
			hist.push(mk(`d${i}`, 'dress', 'red', 10, Date.UTC(2018, i % 12, 1)));
		for (let i = 0; i < 30; i++)
			hist.push(mk(`c${i}`, 'coat', 'black', 2, Date.UTC(2018, i % 12, 1)));
		const target = mk('new', 'dress', 'red', 10, Date.UTC(2019, 3, 1));
		const fc = forecastNewProduct({ ...target, curve: undefined }, hist, { k: 10, horizon: 4 });
		[40, 30, 20, 10].forEach((v, i) => expect(fc.mean[i]).toBeCloseTo(v, 9));
		expect(fc.neighbours[0].id.startsWith('d')).toBe(true);
		const base = categoryMeanForecast(target, hist, 4);
		expect(launchScores([target.curve!], [fc.mean]).wape - 1e-9).toBeLessThanOrEqual(
			launchScores([target.curve!], [base]).wape,
		);
	});
});
