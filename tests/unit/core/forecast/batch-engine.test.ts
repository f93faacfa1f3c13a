// One builder of a batch's engine options (src/core/forecast/batch-engine.ts) for the product batch and
// the hierarchy's nodes (hiernode, issue #11): a node batch carries the nodes' dates, categories and the
// total's and categories' histories as season groups; a young launch gets the batch's launch curve, a
// short history a borrowed season, every series the spike curve; and the forecast worker's hierarchy job
// forecasts its nodes with exactly those options (not the plain engine call it made before).
import { describe, expect, it } from 'vitest';
import { forecastAutoAsync } from '../../../../src/core/engine';
import { batchEngine, forecastBatchNodes } from '../../../../src/core/forecast/batch-engine';
import { SHOP_TOTAL } from '../../../../src/core/forecast/batch';
import { aggregate } from '../../../../src/core/forecast/hierarchy';
import {
	hierarchyOf,
	nodeBatch,
	type HierarchyCell,
} from '../../../../src/core/forecast/hierarchy-forecast';
import { batchSpikeCurve } from '../../../../src/core/forecast/spike';
import type { SeriesBatch } from '../../../../src/core/types';
import { runHierarchy } from '../../../../workers/forecast/hierarchy';

const WEEK = 7 * 86_400_000;
const N = 50;
const grid = Float64Array.from({ length: N }, (_, t) => Date.UTC(2023, 0, 2) + t * WEEK);

/**
 * 8 launches in 'hats' (a hype curve), 3 steady products in 'bags' with one-off jumps (B0 ends on
 * one), and a hat launched 3 weeks ago.
 */
function shop(): HierarchyCell[] {
	const cells: HierarchyCell[] = [];
	const curve = [10, 30, 22, 16, 12, 10, 9, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8];
	for (let p = 0; p < 8; p++) {
		const start = 6 + 4 * p;
		cells.push({
			category: 'hats',
			store: null,
			product: `H${p}`,
			y: Float64Array.from({ length: N }, (_, t) =>
				t < start ? 0 : Math.round(curve[Math.min(t - start, curve.length - 1)] * (1 + p / 10)),
			),
		});
	}
	for (let p = 0; p < 3; p++)
		cells.push({
			category: 'bags',
			store: null,
			product: `B${p}`,
			// one-off jumps (4×) the batch learns its spike curve from; B0 ends on one
			y: Float64Array.from(
				{ length: N },
				(_, t) =>
					(20 + p + 4 * Math.sin(t / 3) + (t % 5)) *
					([12, 24, 36].includes(t) || (p === 0 && t === N - 1) ? 4 : 1),
			),
		});
	cells.push({
		category: 'hats',
		store: null,
		product: 'NEW',
		y: Float64Array.from({ length: N }, (_, t) => (t < N - 3 ? 0 : [12, 35, 25][t - (N - 3)])),
	});
	return cells;
}

function nodesOf(cells: HierarchyCell[]) {
	const { hier, nodes } = hierarchyOf(cells);
	const ys = aggregate(
		hier,
		cells.map((c) => c.y),
	);
	return { nodes, ys, batch: nodeBatch(ys, nodes, grid) };
}

describe('nodeBatch + batchEngine', () => {
	it('gives the nodes their dates, categories and the total’s and categories’ histories as season groups', () => {
		const { nodes, ys, batch } = nodesOf(shop());
		expect(batch.ids).toEqual(nodes.map((n) => n.key));
		expect(Array.from(batch.ds.subarray(batch.indptr[2], batch.indptr[3]))).toEqual(
			Array.from(grid),
		);
		expect(batch.categories![0]).toBe('');
		expect(batch.categories![nodes.findIndex((n) => n.key === 'cat:hats')]).toBe('hats');
		expect(batch.groups!.ids).toEqual([SHOP_TOTAL, 'hats', 'bags']);
		expect(Array.from(batch.groups!.y.subarray(0, N))).toEqual(Array.from(ys[0]));
	});

	it('gives a young launch the launch curve, a short history a borrowed season, all the spike curve', () => {
		const { nodes, batch } = nodesOf(shop());
		const engine = batchEngine(batch, { horizon: 4, models: 'auto' });
		const at = (key: string) => nodes.findIndex((n) => n.key === key);
		const young = engine.optionsFor(at('prod:hats\u0001NEW'), { horizon: 4, season: 52 });
		expect(young.launchCurve).toBeDefined();
		expect(young.launchCurve!.source).toBe('category');
		expect(young.seriesId).toBe('prod:hats\u0001NEW');
		// 50 weeks < two seasons: every node borrows a season (the category's or the shipped profile)
		expect(
			engine.optionsFor(at('cat:bags'), { horizon: 4, season: 52 }).seasonalPrior,
		).toBeDefined();
		const steady = engine.optionsFor(at('prod:bags\u0001B0'), { horizon: 4, season: 52 });
		expect(batchSpikeCurve(batch, 4)).not.toBeNull();
		expect(steady.spikeCurve).toEqual(batchSpikeCurve(batch, 4));
		// the pooled model is registered only for an automatic choice (or a list naming it)
		expect(engine.pooled).not.toBeNull();
		expect(engine.registry.has('pooled')).toBe(true);
		engine.dropPooled();
		expect(engine.registry.has('pooled')).toBe(false);
		expect(batchEngine(batch, { horizon: 4, models: ['ets'] }).pooled).toBeNull();
	});
});

describe('the forecast worker’s hierarchy job', () => {
	it('forecasts its nodes as one batch with the builder’s options, not each node plainly', async () => {
		const cells = shop();
		const b: SeriesBatch = {
			ids: cells.map((c) => c.product as string),
			indptr: Int32Array.from({ length: cells.length + 1 }, (_, i) => i * N),
			ds: Float64Array.from({ length: cells.length * N }, (_, k) => grid[k % N]),
			y: Float64Array.from(cells.flatMap((c) => Array.from(c.y))),
		};
		const options = { horizon: 4, season: 52, models: ['naive', 'ets', 'theta'], levels: [0.8] };
		const res = await runHierarchy(
			{ batch: b, cells: cells.map(({ y: _y, ...c }) => ({ ...c, product: c.product as string })) },
			options,
			new AbortController().signal,
		);
		// the same nodes through forecastBatchNodes: the same base forecasts
		const distinct = res.nodes.map((_, i) => i).filter((i) => res.base.indexOf(res.base[i]) === i);
		const ys = distinct.map((i) => res.history[i]);
		const { results } = await forecastBatchNodes(
			nodeBatch(
				ys,
				distinct.map((i) => res.nodes[i]),
				res.ds,
			),
			options,
		);
		distinct.forEach((i, k) =>
			expect(Array.from(res.base[i].point)).toEqual(Array.from(results[k].point)),
		);
		// and not what the engine gives each node alone (the plain call it made before)
		let differ = 0;
		for (const i of distinct) {
			const plain = await forecastAutoAsync(res.history[i], options);
			if (plain.point.some((v, t) => Math.abs(v - res.base[i].point[t]) > 1e-9)) differ++;
		}
		expect(differ).toBeGreaterThan(0);
		// B0 ends on a jump: fitted at its usual level plus the share of the batch's jumps that lasted
		const b0 = res.nodes.findIndex((n) => n.key === 'prod:bags\u0001B0');
		const alone = await forecastAutoAsync(res.history[b0], options);
		expect(res.base[b0].point[0]).toBeLessThan(0.8 * alone.point[0]);
	});
});
