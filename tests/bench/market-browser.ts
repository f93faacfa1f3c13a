// Market worker speed in the browser vs Node (issue 14): the text pipeline (jieba-wasm + fashion
// dictionary for Chinese, wink-nlp lemmas + negation for English, hashtags, emoji, stop words) on real
// posts and reviews, timed by the market worker of the BUILT app in Debian's Chromium (the Market report's
// own texts-per-second figure: analyzeText time only, each file alone in a fresh profile) and by the same
// core code with the Node engines in this process, on the same texts, both cold (first pass). Writes the
// "Browser speed" section of tests/bench/results/SIGNALS.md (between markers; the rest is signals.ts's).
// Expects dist/ (run `npm run build` first). Run: npx tsx tests/bench/market-browser.ts. No assertions.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeEngines } from '../../src/cli/nlp-node';
import { readPosts } from '../../src/core/ingest/schemas/posts';
import { readReviews } from '../../src/core/ingest/schemas/reviews';
import { analyzeText } from '../../src/core/text/tokenize';
import { csvTextToTable } from '../../workers/data/read-table';
import { launchSession } from '../e2e/pages/browser';
import { dataText, RESULTS as RESULTS_DIR, ROOT, startPreview, writeSection } from './harness';

const RESULTS = join(RESULTS_DIR, 'SIGNALS.md');
const START = '<!-- market-browser:start -->';
const END = '<!-- market-browser:end -->';

interface Case {
	name: string;
	kind: 'posts' | 'reviews';
	file: string;
	texts: string[];
}

function firstLines(text: string, n: number): string {
	// Records may span lines (quoted newlines); cut at a line that starts a new record by date/id.
	const lines = text.split('\n');
	return lines.slice(0, n + 1).join('\n') + '\n';
}

async function main() {
	if (!existsSync(join(ROOT, 'dist/index.html')))
		throw new Error('dist/ missing: run npm run build');
	const dir = mkdtempSync(join(tmpdir(), 'tc-market-bench-'));
	const specs: { name: string; kind: 'posts' | 'reviews'; text: string; n: number }[] = [
		{
			name: 'Weibo posts (zh)',
			kind: 'posts',
			text: dataText('social_posts/weibo_cctv_2020.csv.gz'),
			n: 3000,
		},
		{
			name: 'brand tweets (en)',
			kind: 'posts',
			text: dataText('social_posts/brand_tweets_2021-12.csv.gz'),
			n: 5000,
		},
		{
			name: 'Tmall reviews (zh)',
			kind: 'reviews',
			text: dataText('zh_reviews/tmall_clothing_reviews.csv.gz'),
			n: 3000,
		},
		{
			name: "Women's clothing reviews (en)",
			kind: 'reviews',
			text: dataText('womens_clothing_reviews/reviews.csv'),
			n: 3000,
		},
	];
	const cases: Case[] = [];
	for (const s of specs) {
		const body = firstLines(s.text, s.n);
		const file = join(dir, `${s.kind}-${cases.length}.csv`);
		writeFileSync(file, body);
		const table = csvTextToTable(file, body);
		const texts =
			s.kind === 'posts'
				? readPosts(table).records.map((r) => r.text)
				: readReviews(table).records.map((r) => r.text);
		cases.push({ name: s.name, kind: s.kind, file, texts });
	}
	// Node: the same core code and texts, fresh engines, first pass.
	const node: number[] = [];
	for (const c of cases) {
		const engines = await nodeEngines();
		const t0 = performance.now();
		for (const t of c.texts) analyzeText(t, engines);
		node.push(c.texts.length / ((performance.now() - t0) / 1000));
	}
	// Chromium: the built app's market worker, each file alone in a fresh profile.
	const { url, child } = await startPreview();
	const browser: number[] = [];
	try {
		for (const c of cases) {
			const session = await launchSession();
			try {
				const page = session.page;
				await page.goto(`${url}?view=market&lang=en`);
				await page.getByTestId('market-file').setInputFiles(c.file);
				const speed = page.getByTestId('market-speed');
				await speed.waitFor({ timeout: 600_000 });
				const text = (await speed.textContent()) ?? '';
				browser.push(Number(text.replace(/[^\d]/g, '')));
			} finally {
				await session.close();
			}
		}
	} finally {
		child.kill();
	}
	const rows = cases.map(
		(c, i) =>
			`| ${c.name} | ${c.kind} | ${c.texts.length} | ${Math.round(browser[i])} | ${Math.round(node[i])} | ${(browser[i] / node[i]).toFixed(2)} |`,
	);
	const section = [
		START,
		'## Browser speed: the market worker in Chromium vs Node',
		'',
		`Run ${new Date().toISOString().slice(0, 16)} UTC (\`npx tsx tests/bench/market-browser.ts\`) on this shared 2-core machine, Node ${process.version}, Debian Chromium headless.`,
		'Texts per second through the whole text pipeline (jieba-wasm + fashion dictionary for Chinese, wink-nlp lemmas + negation for English, hashtags, emoji, stop words), cold first pass:',
		"Chromium = the built app's market worker timing its own analyzeText calls on an imported file (the Market report's figure, each file alone in a fresh profile); Node = the same core code with the Node engines in the bench process on the same texts, side by side in one run.",
		'',
		'| texts | kind | n | Chromium texts/s | Node texts/s | Chromium ÷ Node |',
		'| --- | --- | --- | --- | --- | --- |',
		...rows,
		END,
	].join('\n');
	writeSection(RESULTS, START, END, section);
	process.stdout.write(section + '\n');
}

main().catch((e) => {
	process.stderr.write(`${(e as Error).stack ?? e}\n`);
	process.exit(1);
});
