import { AutoARIMA } from '../../src/core/models/arima';
import { loadDatasets } from './run';
const [ds] = loadDatasets(['m4'], undefined, 2, 5);
const h = 13, m = 52;
for (const s of ds.series) {
  const y = s.train.slice(Math.max(0, s.train.length - 520));
  const w = y.slice(0, y.length - 3 * h);
  new AutoARIMA({ maxLength: 260, maxSP: 0, maxSQ: 0, cssRelTol: 1e-6 }).fit(w, { season: m });
}
