// Point accuracy of the recent level for short lumpy series (tests/bench/results/SHORT-HISTORY.md
// "short10"): every series cut to its last n ∈ CUTS points before a VALIDATION origin (--back 1, 2
// or 3; the held-out horizon is refused), forecast by the automatic engine with shortLevel 'off'
// (as on main), 'median' (A) and 'trimmed' (B); MASE (lag 1, mean over cuts) and pooled WAPE on
// the h points after the origin, per data set and pooled over the sets where a variant changes a cut.
//   nice -n 10 npx tsx tests/bench/short-level.ts --back 1 [--datasets retail:1,stockx:1,walmart:1]
import { forecastAuto } from '../../src/core/engine';
import { mase } from '../../src/core/metrics';
import { validationArgs } from './harness';
import { loadDatasets } from './run';

const { back, sets } = validationArgs(
	process.argv.slice(2),
	'short-level.ts',
	'retail:1,stockx:1,walmart:1',
);
const CUTS = [8, 11, 14];
const VARIANTS = ['off', 'median', 'trimmed'] as const;
type V = (typeof VARIANTS)[number];

interface Acc {
	cuts: number;
	maseSum: number;
	maseN: number;
	absErr: number;
	absAct: number;
}
const acc = (): Acc => ({ cuts: 0, maseSum: 0, maseN: 0, absErr: 0, absAct: 0 });
const add = (a: Acc, b: Acc) => {
	a.cuts += b.cuts;
	a.maseSum += b.maseSum;
	a.maseN += b.maseN;
	a.absErr += b.absErr;
	a.absAct += b.absAct;
};
const mOf = (a: Acc) => a.maseSum / a.maseN;
const wOf = (a: Acc) => a.absErr / a.absAct;
const rows: string[] = [];
const pooled: Record<V, Record<V, Acc>> = {
	off: { off: acc(), median: acc(), trimmed: acc() },
	median: { off: acc(), median: acc(), trimmed: acc() },
	trimmed: { off: acc(), median: acc(), trimmed: acc() },
};

for (const spec of sets.split(',')) {
	const [key, every] = spec.split(':');
	const [ds] = loadDatasets([key], undefined, back, Number(every ?? 1));
	const per: Record<V, Acc> = { off: acc(), median: acc(), trimmed: acc() };
	const changed: Record<V, number> = { off: 0, median: 0, trimmed: 0 };
	for (const s of ds.series) {
		for (const n of CUTS) {
			if (s.train.length < n) continue;
			const y = s.train.slice(s.train.length - n);
			const pts = {} as Record<V, Float64Array>;
			for (const v of VARIANTS)
				pts[v] = forecastAuto(y, { horizon: ds.h, season: ds.m, shortLevel: v }).point;
			const sc = mase(s.test, pts.off, y, 1);
			for (const v of VARIANTS) {
				const a = per[v];
				a.cuts++;
				const mv = mase(s.test, pts[v], y, 1);
				if (Number.isFinite(sc) && Number.isFinite(mv)) {
					a.maseSum += mv;
					a.maseN++;
				}
				for (let j = 0; j < ds.h; j++) {
					a.absErr += Math.abs(s.test[j] - pts[v][j]);
					a.absAct += Math.abs(s.test[j]);
				}
			}
			for (const v of VARIANTS) if (pts[v].some((x, j) => !Object.is(x, pts.off[j]))) changed[v]++;
		}
	}
	for (const v of VARIANTS) if (changed[v] > 0) for (const w of VARIANTS) add(pooled[v][w], per[w]);
	const r = (v: V) =>
		`${mOf(per[v]).toFixed(4)} / ${wOf(per[v]).toFixed(4)} (${(mOf(per[v]) / mOf(per.off)).toFixed(4)} / ${(wOf(per[v]) / wOf(per.off)).toFixed(4)}; ${changed[v]} changed)`;
	rows.push(
		`| V${back} | ${key}${every && every !== '1' ? ` every ${every}` : ''} | ${per.off.cuts} | ${mOf(per.off).toFixed(4)} / ${wOf(per.off).toFixed(4)} | ${r('median')} | ${r('trimmed')} |`,
	);
	console.error(`${key}: done (${per.off.cuts} cuts)`);
}
for (const v of ['median', 'trimmed'] as const) {
	const p = pooled[v];
	if (!p.off.cuts) continue;
	rows.push(
		`| V${back} | sets ${v} changes, pooled | ${p.off.cuts} | ${mOf(p.off).toFixed(4)} / ${wOf(p.off).toFixed(4)} | ${v === 'median' ? `${mOf(p[v]).toFixed(4)} / ${wOf(p[v]).toFixed(4)} (${(mOf(p[v]) / mOf(p.off)).toFixed(4)} / ${(wOf(p[v]) / wOf(p.off)).toFixed(4)})` : ''} | ${v === 'trimmed' ? `${mOf(p[v]).toFixed(4)} / ${wOf(p[v]).toFixed(4)} (${(mOf(p[v]) / mOf(p.off)).toFixed(4)} / ${(wOf(p[v]) / wOf(p.off)).toFixed(4)})` : ''} |`,
	);
}
console.log(
	`cuts ${CUTS.join('/')} points; MASE / pooled WAPE (candidate ÷ main)\n\n| window | data set | cuts | main (off) | A median | B trimmed |\n|---|---|---:|---|---|---|\n${rows.join('\n')}`,
);
