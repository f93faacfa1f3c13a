import { AutoETS } from '../../src/core/models/ets';
import { loadDatasets } from './run';
const [ds] = loadDatasets(['m4'], undefined, Number(process.env.BACK ?? 1), 5);
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1e3; };
const h = 13, m = 52;
const tot: Record<string, number> = {};
const add = (k: string, v: number) => (tot[k] = (tot[k] ?? 0) + v);
let maxd = 0;
for (let rep = 0; rep < 2; rep++) for (const s of ds.series) {
  const y = s.train.slice(Math.max(0, s.train.length - 520));
  const pts: Float64Array[] = [];
  for (const fo of [false, true]) {
    const a = new AutoETS({ screen: 3, relTol: 1e-6, dampedOnly: true, fitOnce: fo });
    for (let o = 3; o >= 0; o--) {
      const w = y.slice(0, y.length - o * h);
      const t = cpu(); const f = a.fit(w, { season: m, final: o === 0 }); const pt = f.predict(h).point; if (rep) add(`fo${fo} origin${o}`, cpu() - t);
      if (o === 0) pts.push(pt);
    }
  }
  for (let i = 0; i < h; i++) maxd = Math.max(maxd, Math.abs(pts[0][i] - pts[1][i]) / Math.abs(pts[0][i]));
}
for (const [k, v] of Object.entries(tot)) console.log(k, (v / ds.series.length).toFixed(3), 'ms');
console.log('max rel diff final', maxd);
