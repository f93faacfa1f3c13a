// Scores gate rules of the pooled cross-learning model (RESULTS.md v2.5) from `quick-accuracy.ts
// --pooled --detail FILE` runs, without re-running the engine: a series whose forecast does not use
// the pooled model is forecast alike without it, so each rule's forecasts are the first pass's
// ("engine+pooled") where the rule keeps the model and the engine's ("engine") elsewhere.
//   A: the shipped batch gate (POOLED_GATE 0.9); B: the same at 0.8; C: no pooled model for a series
//   whose shrunk-season candidates ran, the gate over the other series; D: no pooled model.
//   npx tsx tests/bench/pooled-rules.ts /tmp/pooledgate-d1.json /tmp/pooledgate-d2.json ...
import { readFileSync } from 'node:fs';
import { POOLED_GATE } from '../../src/core/forecast/pooled-gate';
import { owa } from '../../src/core/metrics';

interface Row {
	usesPooled: boolean;
	shrunkRan: boolean;
	pooledMase: number | null;
	statMedian: number | null;
	mase: number | null;
	smape: number | null;
}
interface Detail {
	h: number;
	n2s: number;
	n2m: number;
	variants: { engine: Row[]; 'engine+pooled': Row[] };
}

/** pooledGate's ratio over the series `idx` (NaN: none scored). */
function gate(rows: Row[], idx: number[]): number {
	let p = 0;
	let s = 0;
	let n = 0;
	for (const i of idx) {
		const r = rows[i];
		if (r.pooledMase === null || r.statMedian === null || !Number.isFinite(r.pooledMase)) continue;
		p += r.pooledMase;
		s += r.statMedian;
		n++;
	}
	return n > 0 && s > 0 ? p / s : NaN;
}

const mean = (a: (number | null)[]): number => {
	const f = a.filter((x): x is number => x !== null && Number.isFinite(x));
	return f.reduce((x, y) => x + y, 0) / f.length;
};

for (const file of process.argv.slice(2)) {
	const all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Detail>;
	for (const [key, d] of Object.entries(all)) {
		const E = d.variants.engine;
		const P = d.variants['engine+pooled'];
		if (E.length === 0) continue;
		const every = P.map((_, i) => i);
		const g = gate(P, every);
		const rest = every.filter((i) => !P[i].shrunkRan);
		const gc = gate(P, rest);
		// keep[i]: the rule lets series i keep its first-pass forecast (with the pooled model)
		const rules: Record<string, (i: number) => boolean> = {
			A: (i) => !P[i].usesPooled || g <= POOLED_GATE,
			B: (i) => !P[i].usesPooled || g <= 0.8,
			C: (i) => !P[i].usesPooled || (!P[i].shrunkRan && gc <= POOLED_GATE),
			D: (i) => !P[i].usesPooled,
		};
		const scores = Object.entries(rules).map(([name, keep]) => {
			const rows = every.map((i) => (keep(i) ? P[i] : E[i]));
			const m = mean(rows.map((r) => r.mase));
			const s = mean(rows.map((r) => r.smape));
			return {
				name,
				m,
				owa: owa(s, m, d.n2s, d.n2m),
				used: rows.filter((r) => r.usesPooled).length,
			};
		});
		const a = scores[0];
		console.log(
			`${file} ${key} gate ${g.toFixed(3)} (without shrunk series ${gc.toFixed(3)}, ${rest.length} of ${P.length}) ` +
				scores
					.map(
						(x) =>
							`${x.name} MASE ${x.m.toFixed(4)} (${(x.m / a.m).toFixed(4)}) OWA ${x.owa.toFixed(4)} (${(x.owa / a.owa).toFixed(4)}) pooled in ${x.used}`,
					)
					.join(' | '),
		);
	}
}
