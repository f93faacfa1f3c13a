import { findOutliers, SCREEN_STL_OUTER } from '../../src/core/series/outliers';
import { loadDatasets } from './run';
const [ds] = loadDatasets(['m4'], undefined, 1, 5);
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1e3; };
let t = 0, k = 0;
for (let rep = 0; rep < 2; rep++) for (const s of ds.series) { const y = s.train.slice(-520); const t0 = cpu(); k += findOutliers(y, 52, false).length; if (rep) t += cpu() - t0; }
console.log(SCREEN_STL_OUTER, (t / ds.series.length).toFixed(3), 'ms', k);
