import { AutoARIMA } from '../../src/core/models/arima';
import { loadDatasets } from './run';
const [ds] = loadDatasets(['m4'], undefined, 1, 5);
const h = 13, m = 52;
const hr = Number(process.env.HR ?? 3);
for (let rep = 0; rep < 6; rep++) for (const s of ds.series) {
  const y = s.train.slice(Math.max(0, s.train.length - 520));
  const a = new AutoARIMA({ maxLength: 260, maxSP: 0, maxSQ: 0, screen: 3, cssRefit: 'all', cssRelTol: 1e-6, hrScreen: hr });
  a.fit(y.slice(0, y.length - 3 * h), { season: m });
}
