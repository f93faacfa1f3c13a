/// <reference types="node" />
// Text classification CLI (sentiment, "would recommend", fake reviews; Chinese or English):
//   npm run classify -- --train labelled.csv --text COL[,COL] --label COL --input new.csv [--output out.csv]
//                       [--model nblr|nb] [--holdout 0.2]
// Trains the NB-weighted logistic regression of src/core/signals/sentiment.ts on the labelled file (the
// text pipeline: jieba with the fashion dictionary, wink-nlp), reports accuracy/F1 on a held-out share
// of it (stderr), then writes the input rows plus `predicted,probability`. Bad input names the file,
// row and column; exit code 1.
import { toCsv } from '../core/ingest/csv';
import type { RawTable } from '../core/ingest/schemas/table';
import {
	MIN_ROWS_PER_LABEL,
	labelCounts,
	predict,
	scoreLabels,
	splitIndices,
	trainClassifier,
} from '../core/signals/sentiment';
import { analyzeText } from '../core/text/tokenize';
import { CliError, checkOutput, parseFlags, readTableFile, runCli, writeOutput } from './args';
import { nodeEngines } from './nlp-node';

const USAGE =
	'Usage: npm run classify -- --train <labelled.csv> --text <COL[,COL]> --label <COL> --input <new.csv> ' +
	'[--output <out.csv>] [--model nblr|nb] [--holdout 0.2]';

function columns(table: RawTable, names: string[], what: string): number[] {
	return names.map((n) => {
		const i = table.header.findIndex((h) => h.trim() === n.trim());
		if (i < 0)
			throw new CliError(
				`${table.fileName}: no column "${n}" (${what}). Columns: ${table.header.join(', ')}.`,
			);
		return i;
	});
}

async function main(): Promise<void> {
	const f = parseFlags(
		process.argv.slice(2),
		['train', 'text', 'label', 'input', 'output', 'model', 'holdout'],
		USAGE,
	);
	for (const k of ['train', 'text', 'label', 'input'])
		if (!f.has(k)) throw new CliError(`--${k} is required.\n${USAGE}`);
	const kind = (f.get('model') ?? 'nblr') as 'nblr' | 'nb';
	if (kind !== 'nblr' && kind !== 'nb') throw new CliError(`--model must be nblr or nb.\n${USAGE}`);
	const holdout = Number(f.get('holdout') ?? 0.2);
	if (!(holdout >= 0 && holdout < 1)) throw new CliError('--holdout must be in [0, 1).');
	checkOutput(f.get('output'));
	const textCols = f.get('text')!.split(',');
	const train = await readTableFile(f.get('train')!);
	const input = await readTableFile(f.get('input')!);
	const tIdx = columns(train, textCols, '--text');
	const [lIdx] = columns(train, [f.get('label')!], '--label');
	const iIdx = columns(input, textCols, '--text');
	const engines = nodeEngines();
	const docs: string[][] = [];
	const labels: string[] = [];
	train.rows.forEach((r, i) => {
		const label = (r[lIdx] ?? '').trim();
		if (label === '') {
			process.stderr.write(
				`${train.fileName}: row ${i + 1}, column "${train.header[lIdx]}" has no label; skipped.\n`,
			);
			return;
		}
		docs.push(analyzeText(tIdx.map((c) => r[c] ?? '').join('. '), engines).terms);
		labels.push(label);
	});
	if (new Set(labels).size < 2)
		throw new CliError(
			`${train.fileName}: column "${train.header[lIdx]}" needs at least two different labels.`,
		);
	const counts = labelCounts(labels);
	if (counts.some((c) => c.n < MIN_ROWS_PER_LABEL))
		process.stderr.write(
			`warning: ${train.fileName} has too few labelled rows to learn from: ` +
				`${counts.map((c) => `${c.n} row${c.n === 1 ? '' : 's'} labelled "${c.label}"`).join(', ')} ` +
				`(column "${train.header[lIdx]}"); at least ${MIN_ROWS_PER_LABEL} rows per label are needed. ` +
				`Its predictions are little better than a guess: add labelled rows and train again.\n`,
		);
	const { train: tr, test } = splitIndices(docs.length, holdout);
	if (holdout > 0 && test.length === 0)
		process.stderr.write(
			`held-out: none (${docs.length} labelled rows are too few to hold ${Math.round(holdout * 100)} % out), so no accuracy is reported\n`,
		);
	if (holdout > 0 && test.length > 0) {
		const m = trainClassifier(
			tr.map((i) => docs[i]),
			tr.map((i) => labels[i]),
			{ kind },
		);
		const s = scoreLabels(
			test.map((i) => labels[i]),
			test.map((i) => predict(m, docs[i]).label),
			m.classes,
		);
		process.stderr.write(
			`held-out ${test.length} rows: accuracy ${s.accuracy.toFixed(3)}, macro F1 ${s.macroF1.toFixed(3)} ` +
				`(F1 ${s.classes.map((c, k) => `${c}: ${s.f1[k].toFixed(3)}`).join(', ')})\n`,
		);
	}
	const model = trainClassifier(docs, labels, { kind });
	const rows: (string | number)[][] = [[...input.header, 'predicted', 'probability']];
	for (const r of input.rows) {
		const p = predict(model, analyzeText(iIdx.map((c) => r[c] ?? '').join('. '), engines).terms);
		rows.push([...r, p.label, Number(p.p.toFixed(4))]);
	}
	const csv = toCsv(rows);
	if (f.has('output')) writeOutput(f.get('output')!, csv);
	else process.stdout.write(csv);
	process.stderr.write(
		`classified ${input.rows.length} rows with ${model.classes.length} classes (${model.vocab.length} features)\n`,
	);
}

runCli(main);
