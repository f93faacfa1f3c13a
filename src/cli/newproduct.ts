/// <reference types="node" />
// New-product forecasting CLI, reading VISUELLE's layout:
//   npm run newproduct -- --history train.csv [--trends gtrends.csv] --input new.csv --horizon 12
//                         [--output out.csv] [--k 25] [--beta 0.5]
// history: one row per past product (`external_code`, attributes such as category/color/fabric/extra,
// `release_date`, weekly sales in columns `0`…`11`); input: the new products (same columns, weeks not
// needed); trends: a date column + one search-interest column per attribute word (VISUELLE's
// gtrends.csv, or a Google Trends export). Writes `external_code,week,mean,lo80,hi80` in the history's
// units. Only past products launched before each new product are used.
// The model is the launch regression of src/core/newproduct/level.ts (log sales on attributes, launch
// month and, when they earn their place on the latest fifth of the history, the search features; either
// the total times the category's launch curve or one fit per week with the launch quarter's effect,
// whichever backtests better on that fifth), unless the attribute kNN backtests better still (said on
// stderr). `--k` or `--beta` select the attribute kNN outright.
import { toCsv } from '../core/ingest/csv';
import { parseSearchInterest } from '../core/ingest/schemas/search';
import { forecastNewProduct, historyBefore, type WordTrends } from '../core/newproduct/knn';
import {
	chooseLaunchMethod,
	forecastLaunches,
	searchGate,
	type LaunchModelOptions,
} from '../core/newproduct/level';
import { readLaunches, wordTrends } from '../core/newproduct/launches';
import {
	CliError,
	checkOutput,
	errorText,
	parseFlags,
	readTableFile,
	runCli,
	writeOutput,
} from './args';
import { readFileSync } from 'node:fs';
import { fileText } from '../../workers/data/read-table';

const USAGE =
	'Usage: npm run newproduct -- --history <train.csv> [--trends <gtrends.csv>] --input <new.csv> ' +
	'--horizon <h> [--output <out.csv>] [--k 25] [--beta 0.5]';

async function main(): Promise<void> {
	const f = parseFlags(
		process.argv.slice(2),
		['history', 'trends', 'input', 'horizon', 'output', 'k', 'beta'],
		USAGE,
	);
	for (const k of ['history', 'input', 'horizon'])
		if (!f.has(k)) throw new CliError(`--${k} is required.\n${USAGE}`);
	checkOutput(f.get('output'));
	const horizon = Number(f.get('horizon'));
	if (!Number.isInteger(horizon) || horizon < 1)
		throw new CliError('--horizon must be a whole number ≥ 1.');
	const knn = f.has('k') || f.has('beta');
	const k = Number(f.get('k') ?? 25);
	const beta = Number(f.get('beta') ?? (f.has('trends') ? 0.5 : 0));
	if (knn && (!Number.isInteger(k) || k < 1)) throw new CliError('--k must be a whole number ≥ 1.');
	if (knn && !(beta >= 0)) throw new CliError('--beta must be a number ≥ 0.');
	const hist = readLaunches(await readTableFile(f.get('history')!));
	if (hist.weeks < horizon)
		throw new CliError(
			`${f.get('history')}: ${hist.weeks} week columns (0…${hist.weeks - 1}) but --horizon ${horizon}.`,
		);
	const fatal = (issues: typeof hist.issues) => {
		const e = issues.find((i) => i.severity === 'error');
		if (e) throw new CliError(e.message);
	};
	fatal(hist.issues);
	for (const i of hist.issues) process.stderr.write(`${i.message}\n`);
	const input = readLaunches(await readTableFile(f.get('input')!));
	fatal(input.issues);
	for (const i of input.issues) process.stderr.write(`${i.message}\n`);
	let trends: WordTrends | undefined;
	if (f.has('trends')) {
		const path = f.get('trends')!;
		let bytes: Uint8Array;
		try {
			bytes = new Uint8Array(readFileSync(path));
		} catch (e) {
			throw new CliError(`Cannot read ${path}: ${(e as Error).message}`);
		}
		// decoded as the app reads a file: an XLSX sheet or a gzip'ed CSV too, not their raw bytes
		let text: string;
		try {
			text = (await fileText(path, bytes)).text;
		} catch (e) {
			throw new CliError(errorText(e));
		}
		trends = wordTrends(parseSearchInterest(path, text));
	}
	const rows: (string | number)[][] = [['external_code', 'week', 'mean', 'lo80', 'hi80']];
	let noHistory = 0;
	let useKnn = knn;
	let options: LaunchModelOptions = { horizon };
	if (!knn) {
		// The regression unless the attribute kNN backtests better on the latest fifth of the history.
		const choice = chooseLaunchMethod(hist.products, { horizon });
		if (choice) {
			useKnn = choice.method === 'knn';
			options = choice.options;
			process.stderr.write(
				`backtest on the latest ${choice.tested} past launches: WAPE regression ${choice.wapeRegression.toFixed(1)} (${choice.variant}), similar products ${choice.wapeKnn.toFixed(1)}: ${choice.method === 'knn' ? 'similar products' : 'regression'} used\n`,
			);
		}
	}
	if (useKnn) {
		for (const p of input.products) {
			const past = historyBefore(p, hist.products);
			if (past.length === 0) {
				noHistory++;
				continue;
			}
			const fc = forecastNewProduct(p, past, { k, horizon, trends, trendBeta: beta });
			for (let h = 0; h < horizon; h++) rows.push([p.id, h, fc.mean[h], fc.lo80[h], fc.hi80[h]]);
		}
	} else {
		let useTrends = false;
		if (trends) {
			const gate = searchGate(hist.products, { ...options, trends });
			useTrends = gate?.use ?? false;
			process.stderr.write(
				gate
					? `search features: WAPE ${gate.wapeWith.toFixed(1)} with, ${gate.wapeWithout.toFixed(1)} without on the latest ${gate.tested} past launches: ${useTrends ? 'used' : 'left out'}\n`
					: 'search features: fewer than 20 past launches to test them: left out\n',
			);
		}
		const fcs = forecastLaunches(input.products, hist.products, {
			...options,
			trends: useTrends ? trends : undefined,
		});
		input.products.forEach((p, i) => {
			const fc = fcs[i];
			if (!fc) {
				noHistory++;
				return;
			}
			for (let h = 0; h < horizon; h++) rows.push([p.id, h, fc.mean[h], fc.lo80[h], fc.hi80[h]]);
		});
	}
	if (noHistory > 0)
		process.stderr.write(
			`${noHistory} product(s) with fewer than ${useKnn ? 1 : 3} past launches before them: no forecast.\n`,
		);
	const csv = toCsv(rows);
	if (f.has('output')) writeOutput(f.get('output')!, csv);
	else process.stdout.write(csv);
	process.stderr.write(
		`forecast ${input.products.length - noHistory} new products × ${horizon} weeks\n`,
	);
}

runCli(main);
