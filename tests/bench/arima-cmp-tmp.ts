import { AutoARIMA } from '../../src/core/models/arima';
import { loadDatasets } from './run';
const back = Number(process.env.BACK ?? 2);
const [ds] = loadDatasets(['m4'], undefined, back, 5);
const h = 13, m = 52;
const cnt: Record<string, number> = {};
let same = 0;
for (const s of ds.series) {
  const y = s.train.slice(Math.max(0, s.train.length - 520));
  const w = y.slice(0, y.length - 3 * h);
  const lab = (hr: number) => { const a = new AutoARIMA({ maxLength: 260, maxSP: 0, maxSQ: 0, screen: 3, cssRefit: 'all', cssRelTol: 1e-6, hrScreen: hr }); const st = a.fit(w, { season: m }).toState() as any; return st.params.method + (st.params.coefNames.includes('drift') ? '+drift' : st.params.coefNames.includes('intercept') ? '+mean' : ''); };
  const a = lab(0), b = lab(3);
  if (a === b) same++; else { const k = `${a} -> ${b}`; cnt[k] = (cnt[k] ?? 0) + 1; }
}
console.log('same', same, 'of', ds.series.length);
for (const [k, v] of Object.entries(cnt).sort((x, y) => y[1] - x[1])) console.log(v, k);
