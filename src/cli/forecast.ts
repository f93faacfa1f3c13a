/// <reference types="node" />
// Command-line forecasting: reads a long CSV (series_id,date,value[,regressor,...]), runs the automatic
// engine (src/core/engine.ts) on every series and writes series_id,date,model,mean,lo80,hi80,lo95,hi95.
//   npm run forecast -- --input sales.csv --horizon 12 [--season 52] [--models auto|ets,arima]
//                       [--output out.csv] [--deep [mlp,nbeats,...]] [--no-pooled] [--no-shrink]
// Dated series (3 or more) also get the pooled cross-learning model (src/core/forecast/pooled.ts), as
// in the app: chosen like a built-in where the series together pass pooledGate, else not used;
// --no-pooled leaves it out. Dated series with a season and a half also get their seasonal indices
// shrunk towards those of all other series together (src/core/forecast/season-shrink.ts, candidates
// 'theta~shrunk', 'ets~shrunk'), as in the app; --no-shrink leaves them out.
// --deep adds the global deep models (src/ml/, tfjs on WASM, else CPU) to the candidates: trained on
// all series of the input at every backtest origin and at the end (src/ml/backtest.ts), they join the
// engine's backtest, ranking and combination through the registry (src/ml/candidates.ts); monthly data
// is forecast without them (deepMixes: nothing is trained, a line on stderr says so).
// Extra columns are numeric regressors (price, promo, ...). Their future values come as exactly h
// trailing rows per series with an empty value (statsforecast's X_df); without such rows the last
// observed values are held, with a warning. Bad input stops with a message naming the row and exit
// code 1. Dates step by whole months (same day, or month ends as pandas writes them), weeks or days;
// a series with a period missing gets a warning naming the row (the models read rows as consecutive
// periods). Progress goes to stderr.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { forecastAuto, forecastAutoAsync, ENGINE_MODELS } from '../core/engine';
import type { AutoForecastResult } from '../core/engine-types';
import { batchEngine } from '../core/forecast/batch-engine';
import { registerBuiltins } from '../core/forecast/builtins';
import { CandidateRegistry } from '../core/forecast/registry';
import { pooledGate, pooledNote, usesPooled } from '../core/forecast/pooled';
import type { Frequency, SeriesBatch } from '../core/types';
import {
	checkSeriesOf,
	DEEP_CHECK_MIN_LENGTH,
	deepCheckCut,
	deepDecision,
	deepMixes,
	deepNote,
	deepSeriesLengths,
	holdoutScale,
	type DeepForecastTable,
	type HoldoutSeries,
	type HoldoutTails,
} from '../ml/candidates';
import { DEEP_KINDS, type DeepKind } from '../ml/kinds';
import { translate } from '../lib/i18n/translate';
import { csvRow, parseCsvLine } from '../core/ingest/csv';
import { messageOf } from '../core/messages';
import { sniffDelimiter } from '../core/ingest/sniff';
import { fileText } from '../../workers/data/read-table';
import { checkOutput, writeOutput } from './args';

/** A usage or input error, printed without a stack trace. */
class CliError extends Error {
	override name = 'CliError';
}

interface Args {
	input: string;
	horizon: number;
	season?: number;
	models: 'auto' | string[];
	output?: string;
	/** Deep model kinds to add (empty: none). */
	deep: DeepKind[];
	/** Most training epochs of each deep model (default 8, early stopping). */
	deepEpochs?: number;
	/** The pooled cross-learning candidate (default on; --no-pooled). */
	pooled: boolean;
	/** Seasons shrunk towards the other series' (default on; --no-shrink). */
	shrink: boolean;
}

/**
 * The deep model --deep adds without a list: the MLP, the fastest to train on a CPU (windows/s per
 * architecture in tests/bench/results/DEEP.md); the others are opt-in (--deep mlp,nbeats,gru).
 */
export const DEFAULT_DEEP: DeepKind[] = ['mlp'];

const USAGE =
	'Usage: npm run forecast -- --input <long.csv> --horizon <h> [--season <m>] ' +
	'[--models auto|ets,arima,...] [--output <out.csv>] [--deep [mlp,nbeats,...]] [--no-pooled] [--no-shrink]\n' +
	'Input header: series_id,date,value[,regressor,...]. Extra columns are numeric regressors\n' +
	'(used by regression and arima); give their future values as <h> trailing rows per series with\n' +
	'an empty value, or the last observed values are held.\n' +
	`--deep adds global deep models trained on all series (${DEEP_KINDS.join(', ')}; default ${DEFAULT_DEEP.join(',')}; not for monthly data);\n` +
	'--deep-epochs <n> caps their training epochs (default 8, with early stopping).\n' +
	'--no-pooled leaves out the model learned from all series together (on by default for dated series);\n' +
	'--no-shrink leaves out the seasons shrunk towards all other series together (on by default).';

function parseArgs(argv: string[]): Args {
	const map = new Map<string, string>();
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (!a.startsWith('--')) throw new CliError(`Unexpected argument "${a}".\n${USAGE}`);
		const [k, inline] = a.slice(2).split('=', 2);
		if (k === 'deep' && inline === undefined) {
			// a bare flag, or followed by a list of kinds
			const next = argv[i + 1];
			map.set(k, next !== undefined && !next.startsWith('--') ? argv[++i] : '');
			continue;
		}
		if ((k === 'no-pooled' || k === 'no-shrink') && inline === undefined) {
			map.set(k, '');
			continue;
		}
		const v = inline ?? argv[++i];
		if (v === undefined) throw new CliError(`--${k} needs a value.\n${USAGE}`);
		map.set(k, v);
	}
	for (const k of map.keys()) {
		if (
			![
				'input',
				'horizon',
				'season',
				'models',
				'output',
				'deep',
				'deep-epochs',
				'no-pooled',
				'no-shrink',
			].includes(k)
		)
			throw new CliError(`Unknown option --${k}.\n${USAGE}`);
	}
	const input = map.get('input');
	if (!input) throw new CliError(`--input is required.\n${USAGE}`);
	const horizon = Number(map.get('horizon'));
	if (!Number.isInteger(horizon) || horizon < 1)
		throw new CliError(`--horizon must be a positive integer.\n${USAGE}`);
	let season: number | undefined;
	if (map.has('season')) {
		season = Number(map.get('season'));
		if (!Number.isInteger(season) || season < 1)
			throw new CliError('--season must be a positive integer (1 = no season).');
	}
	const m = map.get('models') ?? 'auto';
	let models: Args['models'] = 'auto';
	if (m !== 'auto') {
		models = m
			.split(',')
			.map((s) => s.trim())
			.filter(Boolean);
		const bad = models.filter((x) => !(ENGINE_MODELS as readonly string[]).includes(x));
		if (bad.length)
			throw new CliError(`Unknown model(s) ${bad.join(', ')}; known: ${ENGINE_MODELS.join(', ')}.`);
	}
	let deep: DeepKind[] = [];
	if (map.has('deep')) {
		const list = (map.get('deep') ?? '')
			.split(',')
			.map((x) => x.trim())
			.filter(Boolean);
		const bad = list.filter((x) => !(DEEP_KINDS as readonly string[]).includes(x));
		if (bad.length)
			throw new CliError(
				`Unknown deep model(s) ${bad.join(', ')}; known: ${DEEP_KINDS.join(', ')}.`,
			);
		deep = list.length ? (list as DeepKind[]) : DEFAULT_DEEP;
	}
	let deepEpochs: number | undefined;
	if (map.has('deep-epochs')) {
		deepEpochs = Number(map.get('deep-epochs'));
		if (!Number.isInteger(deepEpochs) || deepEpochs < 1)
			throw new CliError('--deep-epochs must be a positive integer.');
	}
	return {
		input,
		horizon,
		season,
		models,
		output: map.get('output'),
		deep,
		deepEpochs,
		pooled: !map.has('no-pooled'),
		shrink: !map.has('no-shrink'),
	};
}

/** One series read from the file. */
interface InputSeries {
	id: string;
	dates: string[];
	values: number[];
	/** Per row: the value cell is empty ('' — a future row when the file has regressors). */
	blank: boolean[];
	/** Regressor values by column (header order after series_id,date,value), one per row. */
	xreg: number[][];
	/** 1-based data row of the first row, for messages. */
	firstRow: number;
	/** 1-based data row of each row (a series' rows need not be adjacent in the file). */
	rows: number[];
}

type DateKind = 'integer' | 'iso';
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 400 Gregorian years, in days: the calendar repeats exactly. */
const CYCLE_DAYS = 146_097;

/**
 * Date.UTC for every year: Date.UTC maps years 0–99 to 1900–1999, so those are computed 400 years
 * later and moved back by one whole Gregorian cycle (months and days may overflow, as in Date.UTC).
 */
export function utcDate(year: number, month: number, day: number): number {
	return year >= 0 && year < 100
		? Date.UTC(year + 400, month, day) - CYCLE_DAYS * DAY_MS
		: Date.UTC(year, month, day);
}

function dateValue(text: string, kind: DateKind): number {
	if (kind === 'integer') return Number(text);
	const m = ISO_DATE.exec(text);
	if (!m) return NaN;
	const t = utcDate(+m[1], +m[2] - 1, +m[3]);
	// a day that does not exist (2021-02-30, 2021-13-01) is an error, not the next month
	const d = new Date(t);
	return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] ? t : NaN;
}

/**
 * A number cell: as JavaScript reads it, or, in a file not separated by commas, with a decimal comma
 * (12,5 or -0,25) as a European Excel writes it.
 */
function cellNumber(cell: string, delimiter: string): number {
	if (delimiter !== ',' && /^[-+]?\d*,\d+$/.test(cell)) return Number(cell.replace(',', '.'));
	return cell.includes(',') ? NaN : Number(cell);
}

/** Parse and validate the long CSV; throws CliError naming the file, row and column at fault. */
export function readLongCsv(
	text: string,
	file = 'the input',
): {
	series: InputSeries[];
	kind: DateKind;
	/** Names of the regressor columns (every column besides series_id, date, value). */
	regressors: string[];
} {
	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
	while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
	if (lines.length === 0) throw new CliError(`${file} is empty.`);
	// A European Excel writes ';' between fields and a decimal comma (12,5): both read as the app does.
	const delimiter = sniffDelimiter(lines.slice(0, 30).join('\n'));
	const header = parseCsvLine(lines[0], delimiter).map((h) => h.trim());
	const col = (name: string): number => {
		const i = header.indexOf(name);
		if (i < 0)
			throw new CliError(
				`${file}: the header must have columns series_id,date,value (found: ${header.join(',')}); column "${name}" is missing.`,
			);
		return i;
	};
	const [ci, cd, cv] = [col('series_id'), col('date'), col('value')];
	const regCols = header.flatMap((_, i) => (i === ci || i === cd || i === cv ? [] : [i]));
	const regressors = regCols.map((i) => header[i]);
	regCols.forEach((i) => {
		if (!header[i])
			throw new CliError(`${file}: the header has an empty column name (column ${i + 1}).`);
		if (header.indexOf(header[i]) !== i)
			throw new CliError(`${file}: the header has column "${header[i]}" twice.`);
	});
	const byId = new Map<string, InputSeries>();
	let kind: DateKind | null = null;
	for (let r = 1; r < lines.length; r++) {
		if (lines[r].trim() === '') continue;
		const f = parseCsvLine(lines[r], delimiter);
		const where = `${file}, row ${r} (line ${r + 1})`;
		if (f.length < header.length)
			throw new CliError(`${where}: expected ${header.length} fields, found ${f.length}.`);
		const id = f[ci].trim();
		const date = f[cd].trim();
		const raw = f[cv].trim();
		if (!id) throw new CliError(`${where}, column "series_id": empty.`);
		const thisKind: DateKind | null = /^-?\d+$/.test(date)
			? 'integer'
			: ISO_DATE.test(date)
				? 'iso'
				: null;
		if (!thisKind || !Number.isFinite(dateValue(date, thisKind)))
			throw new CliError(
				`${where}, column "date": "${date}" is neither an integer period nor a YYYY-MM-DD date that exists.`,
			);
		if (kind && thisKind !== kind)
			throw new CliError(`${where}, column "date": "${date}" mixes ${thisKind} and ${kind} dates.`);
		kind = thisKind;
		let value: number;
		if (raw === '' || /^(na|nan|null)$/i.test(raw)) value = NaN;
		else {
			value = cellNumber(raw, delimiter);
			if (!Number.isFinite(value))
				throw new CliError(`${where}, column "value": "${raw}" is not a number.`);
		}
		const regValues = regCols.map((i, k) => {
			const cell = f[i].trim();
			const v = cell === '' ? NaN : cellNumber(cell, delimiter);
			if (!Number.isFinite(v))
				throw new CliError(
					`${where}, column "${regressors[k]}": "${cell}" is not a number (regressor values are required on every row).`,
				);
			return v;
		});
		let s = byId.get(id);
		if (!s) {
			s = {
				id,
				dates: [],
				values: [],
				blank: [],
				xreg: regCols.map(() => []),
				firstRow: r,
				rows: [],
			};
			byId.set(id, s);
		} else {
			const prev = s.dates[s.dates.length - 1];
			if (dateValue(date, kind) <= dateValue(prev, kind))
				throw new CliError(
					`${where}, column "date": "${date}" of series "${id}" is not after "${prev}" (rows must be ordered by date).`,
				);
		}
		s.dates.push(date);
		s.rows.push(r);
		s.values.push(value);
		s.blank.push(raw === '');
		regValues.forEach((v, k) => s.xreg[k].push(v));
	}
	if (byId.size === 0 || !kind) throw new CliError(`${file} has a header but no rows.`);
	return { series: [...byId.values()], kind, regressors };
}

/** One series split into history and the future rows of its regressors. */
export interface SeriesInput {
	dates: string[];
	values: Float64Array;
	/** Regressor history columns (aligned with values) and future columns (length h). */
	history: Float64Array[];
	future: Float64Array[];
	/** Dates of the future rows, or null when there were none. */
	futureDates: string[] | null;
}

/**
 * With regressor columns, the trailing rows of a series with an empty value are its future rows:
 * there must be exactly h of them, or none (then the last observed values are held).
 */
export function splitFuture(
	s: InputSeries,
	nRegressors: number,
	h: number,
	file = 'the input',
): SeriesInput {
	let k = 0;
	if (nRegressors > 0) while (k < s.blank.length && s.blank[s.blank.length - 1 - k]) k++;
	const r = s.rows[s.rows.length - k];
	if (k > 0 && k !== h)
		throw new CliError(
			`${file}, row ${r} (line ${r + 1}), column "value": ` +
				`Series "${s.id}": ${k} trailing row(s) have an empty value, but --horizon is ${h}. ` +
				`Give exactly ${h} future rows (empty value, regressor values filled) or none; ` +
				'write NA for a missing value.',
		);
	const n = s.values.length - k;
	const history = s.xreg.map((c) => Float64Array.from(c.slice(0, n)));
	const future = s.xreg.map((c) =>
		k > 0 ? Float64Array.from(c.slice(n)) : new Float64Array(h).fill(n > 0 ? c[n - 1] : NaN),
	);
	return {
		dates: s.dates.slice(0, n),
		values: Float64Array.from(s.values.slice(0, n)),
		history,
		future,
		futureDates: k > 0 ? s.dates.slice(n) : null,
	};
}

const DAY_MS = 86_400_000;

/** Days in month `month` (1-based) of `year`. */
const daysInMonth = (year: number, month: number): number =>
	new Date(utcDate(year, month, 0)).getUTCDate();

/**
 * Frequency of ISO dates: monthly (same day, or every date the last of its month as pandas' 'M'
 * writes them: `monthEnd`), weekly (7 days), daily, or n days.
 */
export function inferStep(dates: string[]): {
	unit: 'month' | 'day';
	size: number;
	monthEnd?: boolean;
} {
	if (dates.length < 2) return { unit: 'day', size: 1 };
	const parts = dates.map((d) => ISO_DATE.exec(d) as RegExpExecArray);
	const monthIdx = parts.map((p) => +p[1] * 12 + +p[2] - 1);
	const sameDay = parts.every((p) => p[3] === parts[0][3]);
	// 2020-01-31, 2020-02-29, 2020-03-31: whole months, not a 29-day step
	const monthEnd = !sameDay && parts.every((p) => +p[3] === daysInMonth(+p[1], +p[2]));
	if (sameDay || monthEnd) {
		const dm = monthIdx.slice(1).map((v, i) => v - monthIdx[i]);
		const min = Math.min(...dm);
		if (min >= 1 && dm.every((d) => d % min === 0))
			return { unit: 'month', size: min, ...(monthEnd ? { monthEnd } : {}) };
	}
	const ms = dates.map((d) => dateValue(d, 'iso'));
	const dd = ms.slice(1).map((v, i) => Math.round((v - ms[i]) / DAY_MS));
	return { unit: 'day', size: Math.max(1, Math.min(...dd)) };
}

/** The h dates after the last one. */
export function continueDates(dates: string[], kind: DateKind, h: number): string[] {
	const last = dates[dates.length - 1];
	if (kind === 'integer') {
		const v = dates.map(Number);
		const step = v.length > 1 ? Math.max(1, Math.min(...v.slice(1).map((x, i) => x - v[i]))) : 1;
		return Array.from({ length: h }, (_, j) => String(Number(last) + step * (j + 1)));
	}
	const step = inferStep(dates);
	const p = ISO_DATE.exec(last) as RegExpExecArray;
	return Array.from({ length: h }, (_, j) => {
		const d =
			step.unit === 'month'
				? new Date(
						step.monthEnd
							? utcDate(+p[1], +p[2] + step.size * (j + 1), 0)
							: utcDate(+p[1], +p[2] - 1 + step.size * (j + 1), +p[3]),
					)
				: new Date(utcDate(+p[1], +p[2] - 1, +p[3]) + step.size * (j + 1) * DAY_MS);
		return d.toISOString().slice(0, 10);
	});
}

/**
 * The first gap in a series' dates: a row more than one step (the smallest step of the series) after
 * the one before it. The models read the rows as consecutive periods, so a week left out of a weekly
 * series would shift every later week of its season; the CLI says so (stderr), naming the row.
 */
export function firstGap(
	s: Pick<InputSeries, 'id' | 'dates' | 'rows'>,
	kind: DateKind,
	file: string,
): string | null {
	const d = s.dates;
	if (d.length < 3) return null;
	const v = d.map(Number);
	const intStep = Math.max(1, Math.min(...v.slice(1).map((x, i) => x - v[i])));
	const step = kind === 'iso' ? inferStep(d) : null;
	for (let k = 1; k < d.length; k++) {
		const expected = step ? stepDate(d[k - 1], step) : String(v[k - 1] + intStep);
		if (d[k] !== expected) {
			const r = s.rows[k];
			return (
				`warning: ${file}, row ${r} (line ${r + 1}), column "date": "${d[k]}" of series "${s.id}" ` +
				`comes more than one period after "${d[k - 1]}" (next expected "${expected}"). ` +
				'Missing periods are not filled in: the models read the rows as consecutive periods. ' +
				'Add a row for every period (0 for no sales, NA for unknown).\n'
			);
		}
	}
	return null;
}

/** The date one step after `date`. */
function stepDate(date: string, step: ReturnType<typeof inferStep>): string {
	const p = ISO_DATE.exec(date) as RegExpExecArray;
	const t =
		step.unit === 'month'
			? step.monthEnd
				? utcDate(+p[1], +p[2] + step.size, 0)
				: utcDate(+p[1], +p[2] - 1 + step.size, +p[3])
			: utcDate(+p[1], +p[2] - 1, +p[3]) + step.size * DAY_MS;
	return new Date(t).toISOString().slice(0, 10);
}

/** Season from the date step when --season is not given: 12 monthly, 52 weekly, 7 daily, else 1. */
function defaultSeason(s: InputSeries, kind: DateKind): number {
	if (kind === 'integer') return 1;
	const st = inferStep(s.dates);
	if (st.unit === 'month') return st.size === 1 ? 12 : st.size === 3 ? 4 : 1;
	return st.size === 7 ? 52 : st.size === 1 ? 7 : 1;
}

const fmt = (v: number): string => (Number.isFinite(v) ? String(Math.round(v * 1e6) / 1e6) : 'NA');

/** Deep-model frequency and period starts (ms) of a series' dates. */
function deepDates(dates: string[], kind: DateKind): { freq: Frequency; ds: number[] } {
	if (kind === 'integer')
		// integer periods: calendar features stepped from an arbitrary Monday, weekly
		return { freq: 'week', ds: dates.map((d) => Date.UTC(2000, 0, 3) + Number(d) * 7 * DAY_MS) };
	const st = inferStep(dates);
	const freq: Frequency = st.unit === 'month' ? 'month' : st.size === 1 ? 'day' : 'week';
	return { freq, ds: dates.map((d) => dateValue(d, 'iso')) };
}

/**
 * The input's text, decoded as the app's importer decodes a file (workers/data/read-table.ts): UTF-8/16
 * or GBK (a Chinese Excel's CSV), an XLSX sheet or Parquet as CSV, gzip unpacked; a file it cannot read
 * is a sentence naming it.
 */
async function readInputText(path: string): Promise<string> {
	let bytes: Uint8Array;
	try {
		bytes = new Uint8Array(readFileSync(path));
	} catch (e) {
		throw new CliError(`Cannot read ${path}: ${(e as Error).message}`);
	}
	try {
		return (await fileText(basename(path), bytes)).text;
	} catch (e) {
		const m = messageOf(e);
		throw new CliError(m ? translate('en', m.code, m.params) : `${path}: ${(e as Error).message}`);
	}
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	// before any training: a folder that is missing or read-only is said now, not after the models
	checkOutput(args.output);
	const { series, kind, regressors } = readLongCsv(
		await readInputText(args.input),
		basename(args.input),
	);
	const out: string[] = ['series_id,date,model,mean,lo80,hi80,lo95,hi95'];
	const t0 = Date.now();
	let lastReport = 0;
	const inputs = series.map((s) =>
		splitFuture(s, regressors.length, args.horizon, basename(args.input)),
	);
	for (const s of series) {
		const gap = firstGap(s, kind, basename(args.input));
		if (gap) process.stderr.write(gap);
	}
	let registry: CandidateRegistry | undefined;
	let tables: Record<string, DeepForecastTable> = {};
	let deepKinds = args.deep;
	let deepFreq: Frequency = 'week';
	if (deepKinds.length > 0) {
		const longest = inputs.reduce((a, x) => (x.dates.length > a.dates.length ? x : a), inputs[0]);
		deepFreq = deepDates(longest.dates, kind).freq;
		// monthly data is forecast without the deep models (src/ml/candidates.ts deepMixes): not trained
		if (!deepMixes(deepFreq)) {
			process.stderr.write(
				'deep: monthly data: the deep models are not used (mixed into monthly forecasts they made them no better on the test data); the statistical forecasts\n',
			);
			deepKinds = [];
		}
	}
	if (deepKinds.length > 0) {
		const { deepRegistry } = await import('./deep-node');
		const freq = deepFreq;
		try {
			const run = await deepRegistry(
				inputs.map((x, i) => ({
					id: series[i].id,
					ds: deepDates(x.dates, kind).ds,
					values: x.values,
					xreg: x.history,
					future: x.future,
				})),
				regressors,
				{
					kinds: deepKinds,
					horizon: args.horizon,
					freq,
					...(args.deepEpochs ? { epochs: args.deepEpochs } : {}),
					log: (line) => process.stderr.write(line + '\n'),
				},
			);
			registry = run.registry;
			tables = run.tables;
			process.stderr.write(
				`deep: ${Object.entries(run.seconds)
					.map(([k, v]) => `${k} ${v.toFixed(1)} s`)
					.join(', ')} on ${run.backend}\n`,
			);
		} catch (e) {
			throw new CliError(`The deep models could not be trained: ${(e as Error).message}`);
		}
	}
	// the batch's shared parts, as in the app (core/forecast/batch-engine.ts): a series under two years
	// since its first sale borrows the yearly peak of all series together when that has two years,
	// else the shipped retail profile (dated series only); a product only weeks old follows how the
	// file's earlier launches went on; a series ending on a sudden jump is fitted at its usual level
	// plus the share of the file's earlier jumps that lasted; and the pooled cross-learning model over
	// all dated series, chosen like a built-in
	const indptr = new Int32Array(inputs.length + 1);
	inputs.forEach((x, i) => (indptr[i + 1] = indptr[i] + x.values.length));
	const batch: SeriesBatch = {
		ids: series.map((s) => s.id),
		indptr,
		ds:
			kind === 'iso'
				? Float64Array.from(inputs.flatMap((x) => x.dates.map((d) => dateValue(d, 'iso'))))
				: new Float64Array(indptr[inputs.length]),
		y: Float64Array.from(inputs.flatMap((x) => Array.from(x.values))),
	};
	const engine = batchEngine(
		batch,
		{ horizon: args.horizon, models: args.models },
		{
			pooled: args.pooled && args.models === 'auto' && kind === 'iso',
			borrow: kind === 'iso',
			shrink: args.shrink && kind === 'iso',
			...(registry ? { registry } : {}),
		},
	);
	const pooled = engine.pooled;
	if (pooled) registry = engine.registry;
	const optionsOf = (i: number, deep: boolean) => {
		const s = series[i];
		const x = inputs[i];
		return engine.optionsFor(i, {
			horizon: args.horizon,
			season: args.season ?? defaultSeason({ ...s, dates: x.dates }, kind),
			// a list of models gets the deep ones added (in 'auto' they join by themselves)
			models:
				args.models === 'auto' || !deep
					? args.models
					: [...args.models, ...deepKinds.map((k) => `deep-${k}`)],
			levels: [0.8, 0.95],
			...(regressors.length > 0
				? { regressors: { names: regressors, history: x.history, future: x.future } }
				: {}),
		});
	};
	const results: AutoForecastResult[] = [];
	for (const [i, s] of series.entries()) {
		const x = inputs[i];
		if (regressors.length > 0 && !x.futureDates && x.values.length > 0)
			process.stderr.write(
				`warning: series "${s.id}" has no future rows: holding the last observed value of ` +
					`${regressors.join(', ')} for the ${args.horizon} forecast periods.\n`,
			);
		results.push(
			registry
				? await forecastAutoAsync(x.values, optionsOf(i, true), { registry })
				: forecastAuto(x.values, optionsOf(i, false)),
		);
		const now = Date.now();
		if (now - lastReport > 1000 || i + 1 === series.length) {
			lastReport = now;
			process.stderr.write(
				`forecast: ${i + 1}/${series.length} series (${((now - t0) / 1000).toFixed(1)} s)\n`,
			);
		}
	}
	// the pooled model stays only where the series together say it helps (pooledGate); else the
	// forecasts that used it again without it
	let pooledKept = false;
	if (pooled && registry) {
		const gate = pooledGate(results);
		pooledKept = gate.pass;
		process.stderr.write(
			`pooled: backtest MASE of the model learned from all series ÷ the median statistical model ${gate.ratio.toFixed(3)} over ${gate.n} series: ${gate.pass ? 'kept as a candidate' : 'not used'}\n`,
		);
		if (!gate.pass) {
			engine.dropPooled();
			for (let i = 0; i < series.length; i++)
				if (usesPooled(results[i].model))
					results[i] = await forecastAutoAsync(inputs[i].values, optionsOf(i, true), { registry });
		}
	}
	// the deep models stay only where the shop's series together say they help (src/ml/candidates.ts
	// deepDecision: the short check and the mix's own backtest); kept out, every series gets the
	// engine's forecast without them
	if (registry && deepKinds.length > 0) {
		const cut = deepCheckCut(args.horizon);
		// the short check: every series cut `cut` periods back (those with DEEP_CHECK_MIN_LENGTH left),
		// forecast by the engine without the deep models — the batch's shared parts learnt from the cut
		// series, as the app's forecast worker does it — and scored with the deep model's check forecast
		const kept = inputs.flatMap((x, i) =>
			x.values.length - cut >= DEEP_CHECK_MIN_LENGTH ? [i] : [],
		);
		const cutPtr = new Int32Array(kept.length + 1);
		kept.forEach((i, w) => (cutPtr[w + 1] = cutPtr[w] + inputs[i].values.length - cut));
		const cutBatch: SeriesBatch = {
			ids: kept.map((i) => series[i].id),
			indptr: cutPtr,
			ds:
				kind === 'iso'
					? Float64Array.from(
							kept.flatMap((i) => inputs[i].dates.slice(0, -cut).map((d) => dateValue(d, 'iso'))),
						)
					: new Float64Array(cutPtr[kept.length]),
			y: Float64Array.from(kept.flatMap((i) => Array.from(inputs[i].values.slice(0, -cut)))),
		};
		const checkEngine = batchEngine(
			cutBatch,
			{ horizon: args.horizon, models: args.models },
			{
				pooled: args.pooled && args.models === 'auto' && kind === 'iso',
				borrow: kind === 'iso',
				shrink: args.shrink && kind === 'iso',
			},
		);
		const checkOne = (w: number): Promise<AutoForecastResult> => {
			const i = kept[w];
			const x = inputs[i];
			const o = x.values.length - cut;
			return forecastAutoAsync(
				x.values.slice(0, o),
				checkEngine.optionsFor(w, {
					horizon: args.horizon,
					season: args.season ?? defaultSeason({ ...series[i], dates: x.dates.slice(0, o) }, kind),
					models: args.models,
					levels: [0.8, 0.95],
					...(regressors.length > 0
						? {
								regressors: {
									names: regressors,
									history: x.history.map((c) => c.slice(0, o)),
									// the cut periods' own values, then the future rows: known at the cut
									future: x.history.map((c, r) =>
										Float64Array.from([...c.slice(o), ...x.future[r]].slice(0, args.horizon)),
									),
								},
							}
						: {}),
				}),
				{ registry: checkEngine.registry },
			);
		};
		const checked: AutoForecastResult[] = [];
		for (let w = 0; w < kept.length; w++) checked.push(await checkOne(w));
		if (
			checkEngine.pooled &&
			checked.some((r) => usesPooled(r.model)) &&
			!pooledGate(checked).pass
		) {
			checkEngine.dropPooled();
			for (let w = 0; w < kept.length; w++)
				if (usesPooled(checked[w].model)) checked[w] = await checkOne(w);
		}
		const tails: HoldoutTails = {};
		kept.forEach((i) => {
			const v = inputs[i].values;
			tails[series[i].id] = {
				actual: v.slice(v.length - cut),
				scale: holdoutScale(v.subarray(0, v.length - cut)),
			};
		});
		const check: HoldoutSeries[] = checkSeriesOf(
			checked.map((r, w) => ({ seriesId: series[kept[w]].id, point: r.point })),
			tails,
			tables,
			cut,
		);
		const d = deepDecision(
			results,
			{
				lengths: deepSeriesLengths(
					tables,
					series.map((s) => s.id),
				),
				horizon: args.horizon,
				freq: deepFreq,
			},
			check,
		);
		const f = (x: number): string => x.toFixed(3);
		process.stderr.write(
			`deep: short check (${cut} periods back, ${d.check.n} series): MASE / WAPE of the 50/50 mix ÷ the statistical forecast ${f(d.check.ratio)} / ${f(d.check.wapeRatio)}; backtest MASE of the mix ÷ the statistical choice ${f(d.mix.ratio)} over ${d.mix.n} series: ${d.keep ? 'mixed with the statistical choice' : 'not used (the statistical forecasts)'}\n`,
		);
		if (!d.keep) {
			// the statistical candidates, and the pooled model where the series kept it
			const plain = new CandidateRegistry();
			registerBuiltins(plain);
			if (pooled && pooledKept) plain.register(pooled.candidate(true));
			for (let i = 0; i < series.length; i++)
				results[i] = await forecastAutoAsync(inputs[i].values, optionsOf(i, false), {
					registry: plain,
				});
		}
		// why the deep models were mixed in or not (printed with each series' notes)
		for (let i = 0; i < results.length; i++)
			results[i] = deepNote(results[i], { ...d, horizon: cut });
	}
	if (pooledKept)
		for (let i = 0; i < results.length; i++) results[i] = pooledNote(results[i], series.length);
	for (const [i, s] of series.entries()) {
		const x = inputs[i];
		const r = results[i];
		for (const note of r.notes)
			process.stderr.write(`${s.id}: ${translate('en', note.code, note.params)}\n`);
		// The engine forecasts from the last known value: missing values at the end of the history
		// are the first forecast periods, then the future rows (or the dates after the last row).
		let known = x.values.length;
		while (known > 0 && !Number.isFinite(x.values[known - 1])) known--;
		const after = x.futureDates ?? continueDates(x.dates, kind, args.horizon);
		const dates = [...x.dates.slice(known), ...after].slice(0, args.horizon);
		const [i80, i95] = r.intervals;
		for (let j = 0; j < args.horizon; j++) {
			out.push(
				csvRow([
					s.id,
					dates[j],
					r.model,
					fmt(r.point[j]),
					fmt(i80.lower[j]),
					fmt(i80.upper[j]),
					fmt(i95.lower[j]),
					fmt(i95.upper[j]),
				]),
			);
		}
	}
	const csv = out.join('\n') + '\n';
	if (args.output) writeOutput(args.output, csv);
	else process.stdout.write(csv);
}

main().catch((e: unknown) => {
	const err = e as Error;
	process.stderr.write(
		`error: ${err.name === 'CliError' || err.name === 'RangeError' ? err.message : (err.stack ?? err.message)}\n`,
	);
	process.exitCode = 1;
});
