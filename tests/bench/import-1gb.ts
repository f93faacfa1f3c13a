// The 1 GB import: the UCI Online Retail body repeated 35 times (11.8 M rows, each copy with its own
// StockCodes), written to /tmp (never committed), imported through the same data service the worker uses
// (DuckDB-WASM blocking build in Node + fake-indexeddb). Records preview and commit time, peak RSS and the
// outcome (the dataset, or the message code the user would see). Run: npx tsx tests/bench/import-1gb.ts
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { freshDb, makeService, ROOT } from '../unit/data/harness';

const DATA = process.env.TRENDCAST_DATA ?? '/work/shared/data';
const TIMES = 35;
const OUT = process.env.TRENDCAST_1GB ?? '/tmp/trendcast-online-retail-x35.csv';

async function writeBig(): Promise<void> {
	if (existsSync(OUT) && statSync(OUT).size > 900e6) return;
	const text = gunzipSync(
		readFileSync(join(DATA, 'online_retail/transactions_2010-12-01_to_2011-09-11.csv.gz')),
	).toString('utf8');
	const nl = text.indexOf('\n');
	const body = text.slice(nl + 1);
	const out = createWriteStream(OUT);
	const write = (s: string) =>
		new Promise<void>((r) => (out.write(s) ? r() : out.once('drain', () => r())));
	await write(text.slice(0, nl + 1));
	for (let k = 1; k <= TIMES; k++) await write(body.replace(/^([^,\n]*),/gm, `$1,K${k}-`));
	await new Promise<void>((r) => out.end(() => r()));
}

async function runCase(): Promise<void> {
	const bytes = new Uint8Array(readFileSync(OUT));
	const { service } = await makeService(freshDb());
	const r: Record<string, unknown> = { mb: bytes.byteLength / 1e6 };
	let t = performance.now();
	try {
		const p = await service.previewFile({
			name: 'online-retail-x35.csv',
			bytes: bytes.buffer as ArrayBuffer,
		});
		r.previewS = (performance.now() - t) / 1000;
		r.rows = p.rowCount;
		r.previewIssues = p.issues
			.filter((i) => i.severity === 'error')
			.map((i) => i.msg?.code ?? i.code);
		if (!(r.previewIssues as string[]).length) {
			t = performance.now();
			const meta = await service.commitImport(p.importId, {
				mapping: p.mapping,
				dateOrder: p.dateOrder,
				datasetName: 'x35',
			});
			r.commitS = (performance.now() - t) / 1000;
			r.imported = meta.report.rowsImported;
			r.storedMb = meta.bytes / 1e6;
		}
	} catch (e) {
		r.failedAfterS = (performance.now() - t) / 1000;
		r.error = {
			name: (e as Error).name,
			code: (e as { code?: string }).code,
			message: String((e as Error).message).slice(0, 300),
		};
	}
	r.peakRssMb = process.resourceUsage().maxRSS / 1024;
	process.stdout.write(`RESULT ${JSON.stringify(r)}\n`);
}

if (process.argv.includes('--case')) await runCase();
else {
	let t = performance.now();
	await writeBig();
	console.error(
		`wrote ${OUT} (${(statSync(OUT).size / 1e6).toFixed(0)} MB) in ${((performance.now() - t) / 1000).toFixed(0)} s`,
	);
	t = performance.now();
	const out = execFileSync(
		process.execPath,
		[
			'--max-old-space-size=8192',
			'--import',
			'tsx',
			join(ROOT, 'tests/bench/import-1gb.ts'),
			'--case',
		],
		{
			cwd: ROOT,
			encoding: 'utf8',
			maxBuffer: 1 << 24,
			stdio: ['ignore', 'pipe', 'inherit'],
		},
	);
	console.log(out.split('\n').find((l) => l.startsWith('RESULT ')));
	console.error(`total ${((performance.now() - t) / 1000).toFixed(0)} s`);
}
