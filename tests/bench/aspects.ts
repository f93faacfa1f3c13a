// Aspect sentiment accuracy (issue 14), Chinese and English. ../shared/data has no aspect-level labels,
// so this is a proxy: on held-out reviews that name exactly ONE aspect (尺码/size, 质量/quality, 颜色/colour,
// 面料/fabric, 物流/delivery, 价格/price, 做工, 客服, 款式/style), the polarity the app gives that aspect
// (aspectMentions: the clause's sentiment words, else the review's predicted sentiment — exactly what the
// Market screen counts as "praised for" / "complaints about") is compared with the review's own label.
// Datasets: the 7,000 labelled Chinese clothing reviews (label 1/0) and the Women's clothing reviews
// (Rating 4–5 positive, 1–2 negative, 3 left out). Held-out 20 %, seed 20240501, classifier (NB-weighted
// logistic regression) trained on the other 80 %; also with the word-list review sentiment instead.
// Writes the "Aspect sentiment" section of tests/bench/results/SIGNALS.md (between markers).
// Run: npx tsx tests/bench/aspects.ts. No assertions.
import { join } from 'node:path';
import { nodeEngines } from '../../src/cli/nlp-node';
import { readReviews } from '../../src/core/ingest/schemas/reviews';
import type { Aspect } from '../../src/core/signals/lexicon';
import {
	aspectMentions,
	lexiconScore,
	predict,
	splitIndices,
	trainClassifier,
} from '../../src/core/signals/sentiment';
import { analyzeText } from '../../src/core/text/tokenize';
import { csvTextToTable } from '../../workers/data/read-table';
import { dataText, RESULTS as RESULTS_DIR, writeSection } from './harness';

const RESULTS = join(RESULTS_DIR, 'SIGNALS.md');
const START = '<!-- aspects:start -->';
const END = '<!-- aspects:end -->';

interface Row {
	terms: string[];
	positive: boolean;
}

function load(
	file: string,
	target: (r: { rating: number | null; label: string }) => boolean | null,
) {
	const body = dataText(file);
	const recs = readReviews(csvTextToTable(file, body)).records;
	const engines = nodeEngines();
	const rows: Row[] = [];
	for (const r of recs) {
		const y = target(r);
		if (y === null) continue;
		rows.push({ terms: analyzeText(r.text, engines).terms, positive: y });
	}
	return rows;
}

function measure(name: string, rows: Row[]): string[] {
	const { train, test } = splitIndices(rows.length, 0.2);
	const model = trainClassifier(
		train.map((i) => rows[i].terms),
		train.map((i) => (rows[i].positive ? 'pos' : 'neg')),
	);
	const out: string[] = [];
	const per = new Map<Aspect, { n: number; ok: number }>();
	const score = (review: (t: string[]) => boolean, perAspect: boolean) => {
		let single = 0;
		let ok = 0;
		let clauseN = 0;
		let clauseOk = 0;
		let mentions = 0;
		let reviewOk = 0;
		for (const i of test) {
			const r = rows[i];
			const m = aspectMentions(r.terms, review(r.terms));
			const aspects = new Set(m.map((x) => x.aspect));
			if (aspects.size !== 1) continue;
			single++;
			if (review(r.terms) === r.positive) reviewOk++;
			const pos = m.filter((x) => x.positive).length;
			const says = pos * 2 > m.length ? true : pos * 2 < m.length ? false : review(r.terms);
			if (says === r.positive) ok++;
			mentions += m.length;
			for (const x of m)
				if (x.fromClause) {
					clauseN++;
					if (x.positive === r.positive) clauseOk++;
				}
			if (perAspect) {
				const a = m[0].aspect;
				const e = per.get(a) ?? { n: 0, ok: 0 };
				e.n++;
				if (says === r.positive) e.ok++;
				per.set(a, e);
			}
		}
		return { single, ok, clauseN, clauseOk, mentions, reviewOk };
	};
	const nb = score((t) => predict(model, t).label === 'pos', true);
	const lex = score((t) => lexiconScore(t) >= 0, false);
	const reviewAcc =
		test.filter((i) => (predict(model, rows[i].terms).label === 'pos') === rows[i].positive)
			.length / test.length;
	out.push(
		`### ${name} (${rows.length} reviews, held-out ${test.length}; ${nb.single} of them name exactly one aspect, ${((100 * nb.single) / test.length).toFixed(0)} %)`,
		'',
		'| aspect polarity from | accuracy on single-aspect reviews | clause-decided mentions: share, agreement |',
		'| --- | --- | --- |',
		`| clause words, else the classifier's review sentiment (the app) | ${(nb.ok / nb.single).toFixed(3)} | ${(nb.clauseN / Math.max(1, nb.mentions)).toFixed(2)}, ${(nb.clauseOk / Math.max(1, nb.clauseN)).toFixed(3)} |`,
		`| clause words, else the word-list review sentiment | ${(lex.ok / lex.single).toFixed(3)} | –, ${(lex.clauseOk / Math.max(1, lex.clauseN)).toFixed(3)} |`,
		`| the review's predicted sentiment only (no clause words; a reference: on single-aspect reviews the label is the review's) | ${(nb.reviewOk / nb.single).toFixed(3)} | – |`,
		'',
		`Review-level accuracy of the same classifier on all held-out reviews: ${reviewAcc.toFixed(3)}.`,
		'',
		'| aspect | single-aspect reviews | accuracy |',
		'| --- | --- | --- |',
		...[...per.entries()]
			.sort((a, b) => b[1].n - a[1].n)
			.map(([a, v]) => `| ${a} | ${v.n} | ${(v.ok / v.n).toFixed(3)} |`),
		'',
	);
	return out;
}

const zh = load('zh_reviews/clothing_sentiment_train.csv', (r) =>
	r.label === '1' ? true : r.label === '0' ? false : null,
);
const en = load('womens_clothing_reviews/reviews.csv', (r) =>
	r.rating === null ? null : r.rating >= 4 ? true : r.rating <= 2 ? false : null,
);
const section = [
	START,
	'## Aspect sentiment (proxy accuracy, zh + en)',
	'',
	`Run ${new Date().toISOString().slice(0, 16)} UTC (\`npx tsx tests/bench/aspects.ts\`). ../shared/data has no aspect-level labels, so this scores the aspect polarity the Market screen counts (praised for / complaints about) against the review's own label, on held-out reviews naming exactly one aspect (held-out 20 %, seed 20240501; classifier trained on the other 80 %). Women's reviews: Rating 4–5 positive, 1–2 negative, 3 left out.`,
	'',
	...measure('Chinese clothing reviews (label 1/0)', zh),
	...measure("Women's clothing reviews (Rating)", en),
	END,
].join('\n');
writeSection(RESULTS, START, END, section);
process.stdout.write(section + '\n');
