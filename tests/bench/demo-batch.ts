// The demo's "forecast every product" batch (about 3,700 products of the UCI online-retail demo, weekly,
// h = 12, m = 52, the UK calendar as the app passes it) through the forecast worker's own code
// (workers/forecast-api.ts forecastBatch, called directly in Node, no Comlink), for this checkout and a
// baseline checkout side by side: every k-th product, in chunks run by both in turn (alternating
// order). Prints CPU seconds per series, the ratio, and the extrapolation to all products.
//   npx tsx tests/bench/demo-batch.ts --base DIR [--every k] [--chunk N] [--models auto|quick|quick-season]
//   [--base-models auto|quick] (the baseline's method when it differs, e.g. Auto against Quick;
//   quick-season = the quick method with the borrowed / shrunk season, src/core/forecast/quick.ts)
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { methodOptions } from '../../src/core/forecast/quick';
import type { SeriesBatch } from '../../src/core/types';
import { api } from '../../workers/forecast-api';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WEEK = 7 * 86_400_000;

function flags(argv: string[]): {
	base: string;
	every: number;
	chunk: number;
	models: string;
	baseModels: string;
} {
	const f = { base: '', every: 20, chunk: 20, models: 'auto', baseModels: '' };
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--base') f.base = argv[++i];
		else if (argv[i] === '--every') f.every = Number(argv[++i]);
		else if (argv[i] === '--chunk') f.chunk = Number(argv[++i]);
		else if (argv[i] === '--models') f.models = argv[++i];
		else if (argv[i] === '--base-models') f.baseModels = argv[++i];
		else throw new Error(`unknown flag ${argv[i]}`);
	}
	return f;
}

/** Split one CSV line on commas outside double quotes. */
function fields(line: string): string[] {
	const out: string[] = [];
	let cur = '';
	let q = false;
	for (const ch of line) {
		if (ch === '"') q = !q;
		else if (ch === ',' && !q) {
			out.push(cur);
			cur = '';
		} else cur += ch;
	}
	out.push(cur);
	return out;
}

/** Weekly units per product on the demo's shared grid of full weeks (Mondays, UTC). */
function demoSeries(): { ids: string[]; ds: Float64Array; values: Map<string, Float64Array> } {
	const text = gunzipSync(readFileSync(join(ROOT, 'public/demo/online-retail.csv.gz'))).toString();
	const lines = text.split('\n');
	const h = fields(lines[0]);
	const [ci, cc, cq, cd] = ['InvoiceNo', 'StockCode', 'Quantity', 'InvoiceDate'].map((c) =>
		h.indexOf(c),
	);
	const sales: [string, number, number][] = [];
	let first = Infinity;
	let last = -Infinity;
	for (let i = 1; i < lines.length; i++) {
		if (!lines[i]) continue;
		const f = fields(lines[i]);
		const qty = Number(f[cq]);
		if (f[ci].startsWith('C') || !(qty > 0)) continue;
		const t = Date.parse(f[cd].slice(0, 10) + 'T00:00:00Z');
		const monday = t - ((new Date(t).getUTCDay() + 6) % 7) * 86_400_000;
		sales.push([f[cc], monday, qty]);
		first = Math.min(first, monday);
		last = Math.max(last, t);
	}
	// the last week is partial unless the data reaches its Sunday (the app leaves it out)
	const lastMonday = last - ((new Date(last).getUTCDay() + 6) % 7) * 86_400_000;
	const end = new Date(last).getUTCDay() === 0 ? lastMonday : lastMonday - WEEK;
	const n = Math.round((end - first) / WEEK) + 1;
	const ds = Float64Array.from({ length: n }, (_, i) => first + i * WEEK);
	const values = new Map<string, Float64Array>();
	for (const [id, w, q] of sales) {
		const k = Math.round((w - first) / WEEK);
		if (k >= n) continue;
		let v = values.get(id);
		if (!v) values.set(id, (v = new Float64Array(n)));
		v[k] += q;
	}
	return { ids: [...values.keys()].sort(), ds, values };
}

type Api = typeof api;

async function main(): Promise<void> {
	const f = flags(process.argv.slice(2));
	const base = (
		(await import(pathToFileURL(join(f.base, 'workers/forecast-api.ts')).href)) as { api: Api }
	).api;
	const { ids, ds, values } = demoSeries();
	const picked = ids.filter((_, i) => i % f.every === 0);
	const optionsOf = (m: string) => ({
		horizon: 12,
		season: 52,
		...methodOptions(m === 'auto' ? 'auto' : 'quick', m === 'quick-season'),
		levels: [0.8, 0.95],
		calendar: { country: 'GB', freq: 'week' as const },
	});
	const options = { ours: optionsOf(f.models), base: optionsOf(f.baseModels || f.models) };
	const batchOf = (chunk: string[]): SeriesBatch => ({
		ids: chunk,
		indptr: Int32Array.from({ length: chunk.length + 1 }, (_, i) => i * ds.length),
		ds: Float64Array.from({ length: chunk.length * ds.length }, (_, i) => ds[i % ds.length]),
		y: Float64Array.from(chunk.flatMap((id) => Array.from(values.get(id)!))),
	});
	const cpu = { ours: 0, base: 0 };
	// the two sides' forecasts: same choice, largest relative point difference (0 = bit-identical)
	const points = { ours: new Map<string, Float64Array>(), base: new Map<string, Float64Array>() };
	const models = { ours: new Map<string, string>(), base: new Map<string, string>() };
	const run = async (which: 'ours' | 'base', b: SeriesBatch): Promise<void> => {
		const c0 = process.cpuUsage();
		const r = await (which === 'ours' ? api : base).forecastBatch(
			b,
			options[which],
			`${which}-${Math.random()}`,
		);
		const c = process.cpuUsage(c0);
		cpu[which] += (c.user + c.system) / 1e6;
		for (const x of r) {
			points[which].set(x.seriesId, x.point);
			models[which].set(x.seriesId, x.model);
		}
	};
	await run('ours', batchOf(picked.slice(0, 2)));
	await run('base', batchOf(picked.slice(0, 2)));
	cpu.ours = cpu.base = 0;
	for (let i = 0; i < picked.length; i += f.chunk) {
		const b = batchOf(picked.slice(i, i + f.chunk));
		const order: ('ours' | 'base')[] = (i / f.chunk) % 2 ? ['base', 'ours'] : ['ours', 'base'];
		for (const w of order) await run(w, b);
		process.stderr.write(
			`  ${Math.min(picked.length, i + f.chunk)}/${picked.length} · CPU s ours ${cpu.ours.toFixed(1)} base ${cpu.base.toFixed(1)}\n`,
		);
	}
	let same = 0;
	let maxd = 0;
	for (const [id, a] of points.ours) {
		const b = points.base.get(id);
		if (models.ours.get(id) === models.base.get(id)) same++;
		if (b)
			for (let j = 0; j < a.length; j++)
				maxd = Math.max(maxd, Math.abs(a[j] - b[j]) / Math.max(1e-9, Math.abs(b[j])));
	}
	console.error(
		`same choice for ${same} of ${points.ours.size} products, largest relative point difference ${maxd.toExponential(1)}`,
	);
	const per = (x: number): number => x / picked.length;
	console.log(
		`| demo batch (${ids.length} products, every ${f.every}th: ${picked.length}; ${ds.length} weeks, h = 12, m = 52, GB calendar, ${f.models}${f.baseModels ? ` vs ${f.baseModels}` : ''}) | ${per(cpu.base).toFixed(4)} | ${per(cpu.ours).toFixed(4)} | ${(cpu.base / cpu.ours).toFixed(2)} | ${(per(cpu.base) * ids.length).toFixed(0)} | ${(per(cpu.ours) * ids.length).toFixed(0)} |`,
	);
}

void main();
