import { forecastAuto } from '../../src/core/engine';
import { profilePrior } from '../../src/core/forecast/seasonal-prior';
import { loadDatasets } from './run';
const [ds] = loadDatasets(['m4'], undefined, 1, 3);
for (let rep = 0; rep < 2; rep++) for (const s of ds.series) {
  forecastAuto(s.train, { horizon: ds.h, season: ds.m, levels: [0.8, 0.95], ...(s.ds ? { seasonalPrior: profilePrior(s.ds, 'week', ds.h, 1) } : {}) });
}
