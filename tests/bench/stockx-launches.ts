// New products on StockX (issue 14): the sneakers released inside the order log are hidden in turn and
// forecast from the ones released at least H weeks before them (attribute kNN of src/core/newproduct/knn.ts:
// brand, model family, retail price, launch season), against the brand's mean launch curve, and with the
// curve scaled by the Yeezy search interest before launch (β = 1; the only search series there is, so it
// speaks for Yeezy launches only). Units: orders per week in weeks 0…H−1 after the release date.
// Writes the "New products: StockX" section of tests/bench/results/SIGNALS.md (between markers).
// Run: npx tsx tests/bench/stockx-launches.ts. No assertions.
import { join } from 'node:path';
import { parseSearchInterest } from '../../src/core/ingest/schemas/search';
import {
	categoryMeanForecast,
	forecastNewProduct,
	historyBefore,
	launchScores,
	type LaunchProduct,
} from '../../src/core/newproduct/knn';
import { wordTrends } from '../../src/core/newproduct/launches';
import { dataText, RESULTS as RESULTS_DIR, writeSection } from './harness';

const RESULTS = join(RESULTS_DIR, 'SIGNALS.md');
const START = '<!-- stockx-launches:start -->';
const END = '<!-- stockx-launches:end -->';
const DAY = 86_400_000;
const H = 8;
const LOG_START = Date.parse('2017-09-01T00:00:00Z');
const LOG_END = Date.parse('2018-11-19T00:00:00Z');
const FAMILIES = [
	'yeezy-boost-350',
	'air-max-90',
	'air-presto',
	'air-vapormax',
	'air-jordan-1',
	'blazer-mid',
	'air-force-1',
	'air-max-97',
	'react-hyperdunk',
	'zoom-fly',
];

const text = dataText('stockx_sneakers/stockx_sales_2017-09-01_to_2018-11-18.csv.gz');
const lines = text.trim().split('\n').slice(1);
const products = new Map<
	string,
	{ release: number; retail: number; brand: string; orders: number[] }
>();
for (const l of lines) {
	const [date, brand, name, , retail, release] = l.split(',');
	const t = Date.parse(`${date}T00:00:00Z`);
	const rel = Date.parse(`${release}T00:00:00Z`);
	const p = products.get(name) ?? {
		release: rel,
		retail: Number(retail),
		brand: brand.trim(),
		orders: [],
	};
	p.orders.push(t);
	products.set(name, p);
}
const launches: LaunchProduct[] = [];
for (const [name, p] of products) {
	// Only releases inside the log with H whole weeks of orders after them.
	if (p.release < LOG_START || p.release + H * 7 * DAY > LOG_END) continue;
	const curve = new Array<number>(H).fill(0);
	for (const t of p.orders) {
		const w = Math.floor((t - p.release) / (7 * DAY));
		if (w >= 0 && w < H) curve[w]++;
	}
	const lower = name.toLowerCase();
	launches.push({
		id: name,
		attributes: {
			category: p.brand.toLowerCase(),
			family: FAMILIES.find((f) => lower.includes(f)) ?? 'other',
		},
		price: p.retail,
		launch: p.release,
		curve,
	});
}
launches.sort((a, b) => a.launch - b.launch);
const trends = wordTrends(
	parseSearchInterest('yeezy.csv', dataText('search_interest/yeezy_us_weekly_multiTimeline.csv')),
);
const actual: number[][] = [];
const knn: number[][] = [];
const search: number[][] = [];
const cat: number[][] = [];
const tested: string[] = [];
for (const p of launches) {
	const hist = historyBefore(p, launches, H * 7);
	if (hist.length < 3) continue;
	tested.push(p.id);
	actual.push(p.curve as number[]);
	knn.push(forecastNewProduct(p, hist, { horizon: H, k: 5 }).mean);
	search.push(forecastNewProduct(p, hist, { horizon: H, k: 5, trends, trendBeta: 1 }).mean);
	cat.push(categoryMeanForecast(p, hist, H));
}
const k = launchScores(actual, knn);
const s = launchScores(actual, search);
const c = launchScores(actual, cat);
const f1 = (x: number) => x.toFixed(1);
const section = [
	START,
	'## New products: StockX releases hidden in turn',
	'',
	`Run ${new Date().toISOString().slice(0, 16)} UTC (\`npx tsx tests/bench/stockx-launches.ts\`). ${launches.length} sneakers released inside the order log (2017-09-01 → 2018-11-18) with ${H} whole weeks of orders after release; each of the ${tested.length} with ≥ 3 earlier releases (launched ≥ ${H} weeks before it) is forecast from those only. Attributes: brand, model family, retail price, launch season; k = 5. Units: orders per week, weeks 0…${H - 1}.`,
	'',
	'| method | WAPE % | MAE orders/week | WAPE ÷ baseline |',
	'| --- | --- | --- | --- |',
	`| brand mean launch curve (baseline) | ${f1(c.wape)} | ${f1(c.mae)} | 1.000 |`,
	`| attribute + season kNN | ${f1(k.wape)} | ${f1(k.mae)} | ${(k.wape / c.wape).toFixed(3)} |`,
	`| kNN × Yeezy search interest (β = 1) | ${f1(s.wape)} | ${f1(s.mae)} | ${(s.wape / c.wape).toFixed(3)} |`,
	'',
	`Tested: ${tested.join(', ')}.`,
	END,
].join('\n');
writeSection(RESULTS, START, END, section);
process.stdout.write(section + '\n');
