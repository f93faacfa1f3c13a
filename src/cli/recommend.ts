/// <reference types="node" />
// Command-line recommendations: reads a sales export (Shopify/WooCommerce/Square-style, the UCI
// Online Retail file as shipped, XLSX, …) exactly as the app's importer does, keeps sales before
// --as-of, chooses a recommender on the last weeks before that date, and writes the top k products for
// every customer with a purchase.
//   npm run recommend -- --input <transactions export> --as-of YYYY-MM-DD --k 10 --output recs.csv
// Output header: customer_id,rank,product_id,score. Bad input stops with a message naming the file,
// row and column, exit code 1. Progress and the method comparison go to stderr.
import { toCsv } from '../core/ingest/csv';
import { parseDate } from '../core/ingest/parse';
import type { OrderLines } from '../core/recommend/interactions';
import { chooseRecommender, recommendAll } from '../core/recommend/select';
import { checkOutput, writeOutput } from './args';
import { CliError, describeIssue, importSalesExport } from './node-import';

const USAGE =
	'Usage: npm run recommend -- --input <transactions export> --as-of YYYY-MM-DD [--k 10] [--output recs.csv]';

interface Args {
	input: string;
	asOf: number;
	k: number;
	output?: string;
}

/** Parses the flags; throws CliError with the usage line on anything wrong. */
export function parseRecommendArgs(argv: string[]): Args {
	const map = new Map<string, string>();
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (!a.startsWith('--')) throw new CliError(`Unexpected argument "${a}".\n${USAGE}`);
		const [key, inline] = a.slice(2).split('=', 2);
		const v = inline ?? argv[++i];
		if (v === undefined) throw new CliError(`--${key} needs a value.\n${USAGE}`);
		if (!['input', 'as-of', 'k', 'output'].includes(key))
			throw new CliError(`Unknown option --${key}.\n${USAGE}`);
		map.set(key, v);
	}
	const input = map.get('input');
	if (!input) throw new CliError(`--input is required.\n${USAGE}`);
	const asOfText = map.get('as-of');
	if (!asOfText) throw new CliError(`--as-of is required.\n${USAGE}`);
	// parseDate, not Date.parse: V8 reads 2011-02-30 as 2 March; a day that does not exist is refused
	const asOf = /^\d{4}-\d{2}-\d{2}$/.test(asOfText) ? parseDate(asOfText, 'ymd') : null;
	if (asOf === null)
		throw new CliError(`--as-of must be a date written YYYY-MM-DD, got "${asOfText}".`);
	const k = Number(map.get('k') ?? 10);
	if (!Number.isInteger(k) || k < 1 || k > 1000)
		throw new CliError(`--k must be a whole number from 1 to 1000, got "${map.get('k')}".`);
	return { input, asOf, k, output: map.get('output') };
}

/** Runs the CLI; returns the CSV text it wrote. */
export async function runRecommend(
	argv: string[],
	log: (s: string) => void = () => {},
): Promise<string> {
	const args = parseRecommendArgs(argv);
	checkOutput(args.output); // a missing folder is said now, not after the import and the choice
	log(`Reading ${args.input} …`);
	const sales = await importSalesExport(args.input);
	// rows the importer skipped (a bad date, a bad quantity) are named, as the plan CLI does
	for (const i of sales.issues) if (i.severity !== 'info') log(`warning: ${describeIssue(i)}`);
	if (!sales.meta.mapping.customer)
		throw new CliError(
			`${sales.meta.fileName}: no customer column was recognised (columns mapped: ${Object.entries(
				sales.meta.mapping,
			)
				.map(([role, col]) => `${col} → ${role}`)
				.join(', ')}). Recommendations need to know who bought what.`,
		);
	const rows = sales.query(
		`SELECT customer_id::VARCHAR AS c, product_id::VARCHAR AS p, order_id::VARCHAR AS o,
			epoch_ms(ds)::DOUBLE AS t, quantity::DOUBLE AS q, coalesce(revenue, 0)::DOUBLE AS r,
			description::VARCHAR AS d
		FROM lines WHERE NOT is_return ORDER BY ds`,
	);
	const lines: OrderLines = {
		customer: rows.map((r) => (r.c as string | null) ?? null),
		product: rows.map((r) => String(r.p)),
		order: rows.map((r) => (r.o as string | null) ?? null),
		ds: Float64Array.from(rows, (r) => Number(r.t)),
		quantity: Float64Array.from(rows, (r) => Number(r.q)),
		revenue: Float64Array.from(rows, (r) => Number(r.r)),
		description: rows.map((r) => (r.d as string | null) ?? null),
	};
	const first = lines.ds.length ? lines.ds[0] : NaN;
	if (!(first < args.asOf))
		throw new CliError(
			`${sales.meta.fileName}: no sales before --as-of ${new Date(args.asOf).toISOString().slice(0, 10)} (the file starts ${Number.isFinite(first) ? new Date(first).toISOString().slice(0, 10) : 'with no sales'}).`,
		);
	log(`Choosing a method on the 4 weeks before the as-of date …`);
	const choice = chooseRecommender(lines, args.asOf, args.k);
	for (const v of choice.validation)
		log(
			`  ${v.method.padEnd(12)} nDCG@${args.k} ${v.ndcg.toFixed(3)}  HR ${v.hr.toFixed(3)}  recall ${v.recall.toFixed(3)}  (${v.customers} customers)`,
		);
	log(
		`Chosen: ${choice.chosen}; writing ${args.k} products for ${choice.data.customers.length} customers.`,
	);
	const recs = recommendAll(choice, args.k);
	const csv = toCsv([
		['customer_id', 'rank', 'product_id', 'score'],
		...recs.map((r) => [r.customerId, r.rank, r.productId, Number(r.score.toPrecision(6))]),
	]);
	if (args.output) writeOutput(args.output, csv);
	else process.stdout.write(csv);
	return csv;
}

// Run when invoked as a script (not when imported by tests).
if (process.argv[1] && /recommend\.ts$/.test(process.argv[1])) {
	runRecommend(process.argv.slice(2), (s) => process.stderr.write(`${s}\n`)).catch((e: unknown) => {
		const err = e as Error;
		process.stderr.write(`${err.name === 'CliError' ? err.message : (err.stack ?? String(err))}\n`);
		process.exit(1);
	});
}
