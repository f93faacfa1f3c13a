import { AutoARIMA, nsdiffs, ndiffs } from '../../src/core/models/arima';
import { loadDatasets } from './run';
const [ds] = loadDatasets(['m4'], undefined, 1, 5);
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1e3; };
const h = 13, m = 52;
const tot: Record<string, number> = {};
const add = (k: string, v: number) => (tot[k] = (tot[k] ?? 0) + v);
for (let rep = 0; rep < 2; rep++) for (const s of ds.series) {
  const y = s.train.slice(Math.max(0, s.train.length - 520));
  for (const hr of [0, 3]) {
    const a = new AutoARIMA({ maxLength: 260, maxSP: 0, maxSQ: 0, screen: 3, cssRefit: 'all', cssRelTol: 1e-6, hrScreen: hr });
    for (let o = 3; o >= 0; o--) {
      const w = y.slice(0, y.length - o * h);
      const t = cpu(); a.fit(w, { season: m }); if (rep) add(`hr${hr} origin${o}`, cpu() - t);
    }
  }
  const w = y.slice(Math.max(0, y.length - 3 * h - 260), y.length - 3 * h);
  let t = cpu(); const D = nsdiffs(w, m); if (rep) add('nsdiffs', cpu() - t);
  t = cpu(); ndiffs(D ? w.slice(m).map((v, i) => v - w[i]) : w); if (rep) add('ndiffs', cpu() - t);
}
for (const [k, v] of Object.entries(tot)) console.log(k, (v / ds.series.length).toFixed(3), 'ms');
