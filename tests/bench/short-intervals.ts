// Interval coverage on histories too short to calibrate (tests/bench/results/SHORT-HISTORY.md
// "plan9"): every series cut to its last n ∈ CUTS points before a VALIDATION origin (--back 1 or 2;
// the held-out horizon is refused), forecast by the automatic engine with and without the robust
// short-history range (engine option robustShortRange), 80 / 95 % coverage and mean 80 % width on
// the h points after the origin, per data set and on the series the option changes.
//   nice -n 10 npx tsx tests/bench/short-intervals.ts --back 1 [--datasets retail:1,stockx:1,walmart:1,m4:5]
import { forecastAuto } from '../../src/core/engine';
import { coverage } from '../../src/core/metrics';
import { validationArgs } from './harness';
import { loadDatasets } from './run';

const { back, sets } = validationArgs(
	process.argv.slice(2),
	'short-intervals.ts',
	'retail:1,stockx:1,walmart:1,m4:5',
);
const CUTS = [8, 11, 14];

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
let pointDiffs = 0;

for (const spec of sets.split(',')) {
	const [key, every] = spec.split(':');
	const [ds] = loadDatasets([key], undefined, back, Number(every ?? 1));
	const main = acc();
	const cand = acc();
	let nChanged = 0;
	for (const s of ds.series) {
		for (const n of CUTS) {
			if (s.train.length < n) continue;
			const y = s.train.slice(s.train.length - n);
			const base = { horizon: ds.h, season: ds.m, levels: [0.8, 0.95] };
			const a = forecastAuto(y, { ...base, robustShortRange: false });
			const b = forecastAuto(y, { ...base, robustShortRange: true });
			for (let j = 0; j < ds.h; j++) if (!Object.is(a.point[j], b.point[j])) pointDiffs++;
			const isChanged = b.notes.some((x) => x.code === 'engine_note_short_range_robust');
			if (isChanged) nChanged++;
			const sc = y.reduce((u, v) => u + Math.abs(v), 0) / y.length || 1;
			for (const [r, into] of [
				[a, isChanged ? [main, changed.main] : [main]],
				[b, isChanged ? [cand, changed.cand] : [cand]],
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
	const f = (x: Acc) =>
		`cov80 ${((100 * x.in80) / x.pts).toFixed(1)} %, cov95 ${((100 * x.in95) / x.pts).toFixed(1)} %, width80 ÷ mean level ${(x.width / x.scale).toFixed(2)}`;
	rows.push(
		`| ${key}${every && every !== '1' ? ` every ${every}` : ''} | ${main.n} | ${nChanged} | ${f(main)} | ${f(cand)} |`,
	);
	console.error(`${key}: done (${main.n} cuts, ${nChanged} changed)`);
}
const f = (x: Acc) =>
	x.pts
		? `cov80 ${((100 * x.in80) / x.pts).toFixed(1)} %, cov95 ${((100 * x.in95) / x.pts).toFixed(1)} %, width80 ÷ mean level ${(x.width / x.scale).toFixed(2)}`
		: '—';
console.log(
	`V${back} (--back ${back}), cuts ${CUTS.join('/')} points\n\n| data set | cuts | changed | main | candidate |\n|---|---:|---:|---|---|\n${rows.join('\n')}\n| changed series, all sets | ${changed.main.n} | ${changed.main.n} | ${f(changed.main)} | ${f(changed.cand)} |\n\npoint values that differ: ${pointDiffs}`,
);
