// Import benchmark: time and peak memory of preview → commit → reload → queries through the same data
// service the worker uses (DuckDB-WASM blocking build in Node + fake-indexeddb), one child process per
// case so peak RSS is per case. Run: npx tsx tests/bench/import.ts [--write]  (--write updates results/IMPORT.md)
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { freshDb, makeService, ROOT, toInput } from '../unit/data/harness';

const DATA = process.env.TRENDCAST_DATA ?? '/work/shared/data';

interface Case {
	name: string;
	/** Loads the file bytes (decompressed where the app would receive a plain file). */
	load: () => { fileName: string; bytes: Uint8Array };
	/** Reviews have no dates: only the preview can run. */
	commit: boolean;
}

/** Header + the body `times` times, each copy with its own StockCodes (K1-…, K2-…): a 4× bigger shop. */
function repeatBody(text: string, times: number): string {
	const nl = text.indexOf('\n');
	const header = text.slice(0, nl + 1);
	const body = text.slice(nl + 1);
	let out = header;
	for (let k = 1; k <= times; k++) out += body.replace(/^([^,\n]*),/gm, `$1,K${k}-`);
	return out;
}

const retailText = () =>
	gunzipSync(
		readFileSync(join(DATA, 'online_retail/transactions_2010-12-01_to_2011-09-11.csv.gz')),
	).toString('utf8');

const CASES: Case[] = [
	{
		name: 'online_retail (336k rows)',
		load: () => ({ fileName: 'online_retail.csv', bytes: new TextEncoder().encode(retailText()) }),
		commit: true,
	},
	{
		name: 'online_retail ×4 (1.34M rows)',
		load: () => ({
			fileName: 'online_retail_x4.csv',
			bytes: new TextEncoder().encode(repeatBody(retailText(), 4)),
		}),
		commit: true,
	},
	{
		name: 'online_retail .gz as picked',
		load: () => ({
			fileName: 'online_retail.csv.gz',
			bytes: new Uint8Array(
				readFileSync(join(DATA, 'online_retail/transactions_2010-12-01_to_2011-09-11.csv.gz')),
			),
		}),
		commit: true,
	},
	{
		name: 'aus_retail (61k rows)',
		load: () => ({
			fileName: 'aus_retail.csv',
			bytes: new Uint8Array(readFileSync(join(DATA, 'aus_retail/aus_retail_monthly_train.csv'))),
		}),
		commit: true,
	},
	{
		name: 'womens_clothing_reviews (preview only: no dates)',
		load: () => ({
			fileName: 'reviews.csv',
			bytes: new Uint8Array(readFileSync(join(DATA, 'womens_clothing_reviews/reviews.csv'))),
		}),
		commit: false,
	},
];

interface Result {
	name: string;
	mb: number;
	rows: number;
	previewS: number;
	commitS?: number;
	storedMb?: number;
	reloadS?: number;
	weeklyS?: number;
	summaryS?: number;
	peakRssMb: number;
	imported?: number;
	duplicates?: number;
	returns?: number;
}

const secs = (t0: number) => (performance.now() - t0) / 1000;

/** Runs one case in this process and prints its JSON result. */
async function runCase(index: number): Promise<void> {
	const c = CASES[index];
	const { fileName, bytes } = c.load();
	const db = freshDb();
	const { service } = await makeService(db);
	let t = performance.now();
	const p = await service.previewFile(toInput(fileName, bytes));
	const r: Result = {
		name: c.name,
		mb: bytes.byteLength / 1e6,
		rows: p.rowCount,
		previewS: secs(t),
		peakRssMb: 0,
	};
	if (c.commit) {
		t = performance.now();
		const meta = await service.commitImport(p.importId, {
			mapping: p.mapping,
			dateOrder: p.dateOrder,
			datasetName: c.name,
		});
		r.commitS = secs(t);
		r.storedMb = meta.bytes / 1e6;
		r.imported = meta.report.rowsImported;
		r.duplicates = meta.report.duplicateRows;
		r.returns = meta.report.returnRows;
		// Reload as after a page refresh: new DuckDB, same IndexedDB, first query loads the bytes.
		const again = (await makeService(db)).service;
		t = performance.now();
		await again.listDatasets();
		await again.querySeries(meta.id, { productIds: null, freq: 'week', measure: 'units' });
		r.reloadS = secs(t);
		const top = (await again.productSummary(meta.id)).slice(0, 50).map((s) => s.productId);
		t = performance.now();
		await again.querySeries(meta.id, { productIds: top, freq: 'week', measure: 'units' });
		r.weeklyS = secs(t);
		t = performance.now();
		await again.productSummary(meta.id);
		r.summaryS = secs(t);
	}
	r.peakRssMb = process.resourceUsage().maxRSS / 1024;
	process.stdout.write(`RESULT ${JSON.stringify(r)}\n`);
}

const f = (v: number | undefined, d = 2) => (v === undefined ? '–' : v.toFixed(d));

async function main(): Promise<void> {
	const caseArg = process.argv.indexOf('--case');
	if (caseArg >= 0) return runCase(Number(process.argv[caseArg + 1]));
	if (!existsSync(DATA)) throw new Error(`No data at ${DATA} (set TRENDCAST_DATA).`);
	const results: Result[] = [];
	for (let i = 0; i < CASES.length; i++) {
		const out = execFileSync(
			process.execPath,
			['--import', 'tsx', join(ROOT, 'tests/bench/import.ts'), '--case', String(i)],
			{ cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] },
		);
		const line = out.split('\n').find((l) => l.startsWith('RESULT '));
		if (!line) throw new Error(`case ${CASES[i].name} printed no result`);
		const r = JSON.parse(line.slice(7)) as Result;
		results.push(r);
		console.error(`done: ${r.name}`);
	}
	const head =
		'| case | input MB | rows | preview s | commit s | stored MB | reload+weekly s | weekly top-50 s | summary s | peak RSS MB | imported / dups / returns |\n' +
		'|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|';
	const rows = results.map(
		(r) =>
			`| ${r.name} | ${f(r.mb, 1)} | ${r.rows} | ${f(r.previewS)} | ${f(r.commitS)} | ${f(r.storedMb, 1)} | ${f(r.reloadS)} | ${f(r.weeklyS)} | ${f(r.summaryS)} | ${f(r.peakRssMb, 0)} | ${r.imported ?? '–'} / ${r.duplicates ?? '–'} / ${r.returns ?? '–'} |`,
	);
	const table = [head, ...rows].join('\n');
	console.log(table);
	if (process.argv.includes('--write')) {
		const md = `# Import benchmark (tests/bench/import.ts)

Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; DuckDB-WASM 1.32 blocking build (Node
bindings, eh bundle), fake-indexeddb. Same \`createDataService\` code as the browser worker. Each case runs in its
own process; "peak RSS" is that process's maximum resident set (includes Node, the 34 MB wasm and the input bytes).
Run: \`npx tsx tests/bench/import.ts --write\`. Data: /work/shared/data (×4 = the retail body repeated 4 times).

${table}

- preview = decode + sniff + load into an all-VARCHAR staging table + samples + mapping + date-order scan.
- commit = duplicates, JS-parsed distinct dates/numbers joined back, normalized table, gzip'ed Arrow IPC
  export and the Dexie write.
- reload+weekly = new DuckDB over the same IndexedDB: list + gunzip + Arrow insert + the first weekly total.
`;
		writeFileSync(join(ROOT, 'tests/bench/results/IMPORT.md'), md);
	}
}

await main();
