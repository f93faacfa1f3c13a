// Interval coverage on histories too short to calibrate (tests/bench/results/SHORT-HISTORY.md
// "plan9", "cap14"): every series cut to its last n ∈ CUTS points before a VALIDATION origin
// (--back 1 or 2; the held-out horizon is refused), forecast by the automatic engine with and
// without a candidate for the models' own ranges, 80 / 95 % coverage and mean 80 % width on the h
// points after the origin, per data set and on the series the candidate changes.
//   --candidate robust: the robust short-history range (engine option robustShortRange, plan9)
//   --candidate cap:    the cap at the best period sold (engine option shortRangeCap, cap14)
//   --candidate cap1:   the same cap also on ranges calibrated on one origin (shortRangeCap 'one-origin')
//   --cuts 8,11,14[,18]: the cut lengths (default 8,11,14); with more than 8,11,14 each data set also
//                        gets a row over 8/11/14 alone (plan9's cuts)
// Both runs set the other option off.
//   nice -n 10 npx tsx tests/bench/short-intervals.ts --back 1 [--candidate cap] [--cuts 8,11,14,18]
//       [--datasets retail:1,stockx:1,walmart:1,m4:5]
import { forecastAuto } from '../../src/core/engine';
import type { AutoForecastOptions } from '../../src/core/engine-types';
import { coverage } from '../../src/core/metrics';
import { validationArgs } from './harness';
import { loadDatasets } from './run';

// --candidate and --cuts are this bench's own; the rest go to validationArgs (which refuses unknowns)
const own = new Map<string, string>();
const rest: string[] = [];
{
	const argv = process.argv.slice(2);
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--candidate' || argv[i] === '--cuts') own.set(argv[i], argv[++i] ?? '');
		else rest.push(argv[i]);
	}
}
const { back, sets } = validationArgs(
	rest,
	'short-intervals.ts',
	'retail:1,stockx:1,walmart:1,m4:5',
);
const candidate = own.get('--candidate') ?? 'robust';
if (candidate !== 'robust' && candidate !== 'cap' && candidate !== 'cap1')
	throw new Error('--candidate robust|cap|cap1');
const CUTS = (own.get('--cuts') ?? '8,11,14').split(',').map(Number);
if (!CUTS.every((n) => Number.isInteger(n) && n >= 2))
	throw new Error('--cuts n,n,… (integers ≥ 2)');
const BASE_CUTS = [8, 11, 14];
const extraCuts =
	CUTS.some((n) => !BASE_CUTS.includes(n)) && CUTS.some((n) => BASE_CUTS.includes(n));
const NOTE =
	candidate === 'robust' ? 'engine_note_short_range_robust' : 'engine_note_short_range_cap';
const opts = (on: boolean): Partial<AutoForecastOptions> =>
	candidate === 'robust'
		? { robustShortRange: on, shortRangeCap: false }
		: {
				robustShortRange: false,
				shortRangeCap: on ? (candidate === 'cap1' ? 'one-origin' : true) : false,
			};

interface Acc {
	n: number;
	pts: number;
	in80: number;
	in95: number;
	width: number;
	scale: number;
}
const acc = (): Acc => ({ n: 0, pts: 0, in80: 0, in95: 0, width: 0, scale: 0 });
const rows: string[] = [];
const changed = { main: acc(), cand: acc() };
const changedByCut = new Map(CUTS.map((n) => [n, { main: acc(), cand: acc() }]));
let pointDiffs = 0;

for (const spec of sets.split(',')) {
	const [key, every] = spec.split(':');
	const [ds] = loadDatasets([key], undefined, back, Number(every ?? 1));
	const main = acc();
	const cand = acc();
	const mainBase = acc();
	const candBase = acc();
	let nChanged = 0;
	let nChangedBase = 0;
	for (const s of ds.series) {
		for (const n of CUTS) {
			if (s.train.length < n) continue;
			const y = s.train.slice(s.train.length - n);
			const base = { horizon: ds.h, season: ds.m, levels: [0.8, 0.95] };
			const a = forecastAuto(y, { ...base, ...opts(false) });
			const b = forecastAuto(y, { ...base, ...opts(true) });
			for (let j = 0; j < ds.h; j++) if (!Object.is(a.point[j], b.point[j])) pointDiffs++;
			const isChanged = b.notes.some((x) => x.code === NOTE);
			const inBase = BASE_CUTS.includes(n);
			if (isChanged) nChanged++;
			if (isChanged && inBase) nChangedBase++;
			const byCut = changedByCut.get(n)!;
			const sc = y.reduce((u, v) => u + Math.abs(v), 0) / y.length || 1;
			const intoA = [main, ...(inBase ? [mainBase] : [])];
			const intoB = [cand, ...(inBase ? [candBase] : [])];
			if (isChanged) {
				intoA.push(changed.main, byCut.main);
				intoB.push(changed.cand, byCut.cand);
			}
			for (const [r, into] of [
				[a, intoA],
				[b, intoB],
			] as const) {
				for (const t of into) {
					t.n++;
					t.pts += ds.h;
					t.in80 += coverage(s.test, r.intervals[0].lower, r.intervals[0].upper) * ds.h;
					t.in95 += coverage(s.test, r.intervals[1].lower, r.intervals[1].upper) * ds.h;
					let w = 0;
					for (let j = 0; j < ds.h; j++) w += r.intervals[0].upper[j] - r.intervals[0].lower[j];
					t.width += w / ds.h / sc;
					t.scale++;
				}
			}
		}
	}
	const name = `${key}${every && every !== '1' ? ` every ${every}` : ''}`;
	rows.push(`| ${name} | ${main.n} | ${nChanged} | ${f(main)} | ${f(cand)} |`);
	if (extraCuts)
		rows.push(
			`| ${name}, cuts ${BASE_CUTS.join('/')} | ${mainBase.n} | ${nChangedBase} | ${f(mainBase)} | ${f(candBase)} |`,
		);
	console.error(`${key}: done (${main.n} cuts, ${nChanged} changed)`);
}
function f(x: Acc): string {
	return x.pts
		? `cov80 ${((100 * x.in80) / x.pts).toFixed(1)} %, cov95 ${((100 * x.in95) / x.pts).toFixed(1)} %, width80 ÷ mean level ${(x.width / x.scale).toFixed(2)}`
		: '—';
}
const perCut = CUTS.map((n) => {
	const c = changedByCut.get(n)!;
	return `| changed, cut ${n} | ${c.main.n} | ${c.main.n} | ${f(c.main)} | ${f(c.cand)} |`;
});
console.log(
	`V${back} (--back ${back}), candidate ${candidate}, cuts ${CUTS.join('/')} points\n\n| data set | cuts | changed | main | candidate |\n|---|---:|---:|---|---|\n${rows.join('\n')}\n| changed series, all sets | ${changed.main.n} | ${changed.main.n} | ${f(changed.main)} | ${f(changed.cand)} |\n${perCut.join('\n')}\n\npoint values that differ: ${pointDiffs}`,
);
