// Does a short product gain from its category's yearly season (issue #11)? Measured on the shared ABS
// retail train file, where an industry is a category and a state × industry series a "product": each
// series is cut to its last `n` months before a 12-month hidden window (as a product under two years
// old), and forecast with the season borrowed from its industry (the other states' series of it,
// summed, up to the cut), from all retail (the shop total), or none. Nothing is tuned here: one run, every k-th series.
//   npx tsx tests/bench/category-season.ts [--every 3] [--n 18]
import { readFileSync } from 'node:fs';
import { forecastAuto } from '../../src/core/engine';
import { groupPrior, type SeasonalPrior } from '../../src/core/forecast/seasonal-prior';
import { mase } from '../../src/core/metrics';

const args = process.argv.slice(2);
const flag = (k: string, d: number): number => {
	const i = args.indexOf(k);
	return i >= 0 ? Number(args[i + 1]) : d;
};
const every = flag('--every', 3);
const n = flag('--n', 18);
const h = 12;
const m = 12;

const lines = readFileSync('/work/shared/data/aus_retail/aus_retail_monthly_train.csv', 'utf8')
	.trim()
	.split('\n')
	.slice(1);
const series = new Map<string, { industry: string; v: Map<string, number> }>();
for (const line of lines) {
	const f = line.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((x) => x.replace(/,$/, '').replace(/"/g, ''));
	const [, industry, id, date, value] = f;
	let s = series.get(id);
	if (!s) series.set(id, (s = { industry, v: new Map() }));
	s.v.set(date, Number(value));
}
const dates = [...new Set([...series.values()].flatMap((s) => [...s.v.keys()]))].sort();
const last = dates.length;
// the hidden window: the last h months of the file; the "product" history: the n before it
const cut = last - h;
const sumOf = (pick: (s: { industry: string }) => boolean): Float64Array =>
	Float64Array.from(dates.slice(0, cut), (d) => {
		let t = 0;
		for (const s of series.values()) if (pick(s)) t += s.v.get(d) ?? 0;
		return t;
	});
const total = sumOf(() => true);
const byIndustry = new Map<string, Float64Array>();
const rows: Record<string, { mase: number[]; ae: number; aa: number; sf: number }> = {};
let k = 0;
for (const s of series.values()) {
	if (k++ % every !== 0) continue;
	const full = dates.map((d) => s.v.get(d) ?? NaN);
	const train = Float64Array.from(full.slice(cut - n, cut));
	const test = Float64Array.from(full.slice(cut, last));
	if (![...train, ...test].every((x) => Number.isFinite(x) && x > 0)) continue;
	if (!byIndustry.has(s.industry))
		byIndustry.set(
			s.industry,
			sumOf((x) => x.industry === s.industry),
		);
	const priors: Record<string, SeasonalPrior | null> = {
		none: null,
		total: groupPrior(total, m, n, h, 'total', cut),
		// the other states' series of the same industry: the product's own older history is not used
		category: groupPrior(
			byIndustry.get(s.industry)!.map((v, t) => v - (s.v.get(dates[t]) ?? 0)),
			m,
			n,
			h,
			s.industry,
			cut,
			'category',
		),
	};
	for (const [name, prior] of Object.entries(priors)) {
		const r = forecastAuto(train, {
			horizon: h,
			season: m,
			...(prior ? { seasonalPrior: prior } : {}),
		});
		const row = (rows[name] ??= { mase: [], ae: 0, aa: 0, sf: 0 });
		row.mase.push(mase(test, r.point, train, 1));
		for (let j = 0; j < h; j++) {
			row.ae += Math.abs(test[j] - r.point[j]);
			row.aa += test[j];
			row.sf += r.point[j];
		}
	}
}
for (const [name, r] of Object.entries(rows)) {
	const avg = r.mase.reduce((a, b) => a + b, 0) / r.mase.length;
	console.log(
		`${name.padEnd(9)} ${r.mase.length} series · MASE ${avg.toFixed(3)} · pooled WAPE ${(r.ae / r.aa).toFixed(4)} · bias ${((r.sf / r.aa - 1) * 100).toFixed(1)} %`,
	);
}
