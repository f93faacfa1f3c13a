// Builds the seasonal profile of public retail data shipped with the app
// (src/core/forecast/retail-season.json), used by the engine to borrow a yearly peak for a shop
// whose own history is shorter than two years (src/core/forecast/seasonal-prior.ts).
//   npx tsx tests/bench/build-profile.ts [--until 2014-12]
// Only the shared TRAIN parts in ../shared/data are read, never a held-out period:
// - monthly: ABS retail turnover (8501.0) of clothing, footwear and personal accessory retailing,
//   clothing retailing, footwear retailing and department stores, summed over the states, months up
//   to --until (default: all of the train file, to 2016-12);
// - weekly: the same ABS monthly indices spread over the weeks (each week takes the index of the
//   month holding its middle day), because the ABS data are published under CC BY 4.0 and may be
//   shipped; the Walmart store data (no licence stated) may not. `--weekly-walmart` builds the old
//   weekly profile from the 45 Walmart stores (train part) for comparison only, never to ship.
// Each is a classical multiplicative decomposition (ratio to a centred moving average of one year,
// averaged on the log scale per month / week of the year, normalised to mean 1), taken over the last 8 years.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DATA = '/work/shared/data';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function arg(name: string): string | undefined {
	const i = process.argv.indexOf(name);
	return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Ratio-to-moving-average seasonal indices of a series with period m, by position `pos(t)`. */
function indices(y: number[], m: number, pos: (t: number) => number): number[] {
	const n = y.length;
	const sums = new Array<number>(m).fill(0);
	const counts = new Array<number>(m).fill(0);
	const half = Math.floor(m / 2);
	for (let t = half; t < n - half; t++) {
		// centred 2×m moving average (m even)
		let s = 0;
		for (let k = -half; k <= half; k++) s += (k === -half || k === half ? 0.5 : 1) * y[t + k];
		const trend = s / m;
		if (trend > 0) {
			sums[pos(t)] += Math.log(y[t] / trend);
			counts[pos(t)]++;
		}
	}
	const logs = sums.map((s, i) => (counts[i] ? s / counts[i] : 0));
	// a position seen no full year (never with m = 52 here) takes its neighbours' mean
	for (let i = 0; i < m; i++)
		if (!counts[i]) logs[i] = 0.5 * (logs[(i + m - 1) % m] + logs[(i + 1) % m]);
	const raw = logs.map(Math.exp);
	const mean = raw.reduce((a, b) => a + b, 0) / m;
	return raw.map((v) => Math.round((v / mean) * 1e4) / 1e4);
}

function monthly(until: string): { values: number[]; from: string; to: string } {
	const fashion = new Set([
		'Clothing retailing',
		'Footwear and other personal accessory retailing',
		'Department stores',
	]);
	const lines = readFileSync(join(DATA, 'aus_retail/aus_retail_monthly_train.csv'), 'utf8')
		.trim()
		.split('\n')
		.slice(1);
	const byMonth = new Map<string, number>();
	for (const line of lines) {
		const f = line.split(',');
		const industry = f.slice(1, f.length - 3).join(',');
		const date = f[f.length - 2];
		if (!fashion.has(industry.replace(/"/g, '')) || date.slice(0, 7) > until) continue;
		byMonth.set(date.slice(0, 7), (byMonth.get(date.slice(0, 7)) ?? 0) + Number(f[f.length - 1]));
	}
	const months = [...byMonth.keys()].sort().slice(-96);
	const y = months.map((k) => byMonth.get(k) as number);
	const first = Number(months[0].slice(5, 7)) - 1;
	return {
		values: indices(y, 12, (t) => (first + t) % 12),
		from: months[0],
		to: months[months.length - 1],
	};
}

/** Week of the year 0…51 of a date (its day of the year ÷ 7; the 53rd partial week joins the 52nd). */
export function weekOfYear(t: number): number {
	const d = new Date(t);
	const day = Math.floor((t - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000);
	return Math.min(51, Math.floor(day / 7));
}

function weekly(): { values: number[]; from: string; to: string } {
	const lines = readFileSync(join(DATA, 'promotions/walmart_store_weeks_train.csv'), 'utf8')
		.trim()
		.split('\n');
	const header = lines[0].split(',');
	const [cd, cs] = [header.indexOf('Date'), header.indexOf('Weekly_Sales')];
	const byWeek = new Map<string, number>();
	for (const line of lines.slice(1)) {
		const f = line.split(',');
		byWeek.set(f[cd], (byWeek.get(f[cd]) ?? 0) + Number(f[cs]));
	}
	const weeks = [...byWeek.keys()].sort();
	const y = weeks.map((w) => byWeek.get(w) as number);
	// Walmart weeks end on the Friday given: their middle is the Tuesday before
	const mid = weeks.map((w) => Date.parse(w + 'T00:00:00Z') - 3 * 86_400_000);
	return {
		values: indices(y, 52, (t) => weekOfYear(mid[t])),
		from: weeks[0],
		to: weeks[weeks.length - 1],
	};
}

/** Weekly indices from monthly ones: the month of each week's middle day, renormalised to mean 1. */
export function weeklyFromMonthly(monthlyValues: number[]): number[] {
	const raw = Array.from({ length: 52 }, (_, w) => {
		// week w of a non-leap year starts on day 7w; its middle day is 7w + 3
		const month = new Date(Date.UTC(2021, 0, 1 + 7 * w + 3)).getUTCMonth();
		return monthlyValues[month];
	});
	const mean = raw.reduce((a, b) => a + b, 0) / 52;
	return raw.map((v) => Math.round((v / mean) * 1e4) / 1e4);
}

const until = arg('--until') ?? '2016-12';
const out = arg('--out') ?? join(ROOT, 'src/core/forecast/retail-season.json');
const m = monthly(until);
const walmart = process.argv.includes('--weekly-walmart');
const w = walmart ? weekly() : { values: weeklyFromMonthly(m.values), from: m.from, to: m.to };
const profile = {
	about:
		'Seasonal indices (multiplicative, mean 1) of public retail data, built by tests/bench/build-profile.ts from shared train parts only. Source: Australian Bureau of Statistics, Retail Trade, Australia, cat. no. 8501.0, table 11, licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); indices derived from it by Trendcast.',
	monthly: {
		source: `ABS 8501.0 retail turnover, clothing + footwear/accessories + department stores, Australia, ${m.from} … ${m.to}`,
		values: m.values,
	},
	weekly: {
		source: walmart
			? `Walmart 45 stores total weekly sales (US), ${w.from} … ${w.to}; index = day of the year ÷ 7 (NOT for shipping: no licence stated)`
			: `ABS 8501.0 (CC BY 4.0) monthly indices above, each week (day of the year ÷ 7) taking its middle day's month, ${w.from} … ${w.to}`,
		values: w.values,
	},
};
writeFileSync(out, JSON.stringify(profile, null, '\t') + '\n');
process.stderr.write(`wrote ${out}\n`);
