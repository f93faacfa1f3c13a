// New products on the Market screen: the hidden-launch backtest, the search-interest choice (kept only
// when the backtest improves) and one forecast, on planted launches with known answers; and the service
// path (catalog with week columns + a word-trend file → model → forecast) on the real VISUELLE files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { nodeEngines } from '../../../src/cli/nlp-node';
import type { SearchSeries } from '../../../src/core/ingest/schemas/search';
import type { LaunchProduct } from '../../../src/core/newproduct/knn';
import { openTrendcastDb } from '../../../src/lib/db/db';
import { buildNewProductModel, forecastLaunch } from '../../../workers/data/newproduct-service';
import { createSignalsService } from '../../../workers/data/signals-service';

const DATA = join(__dirname, '../../../../shared/data');
const WEEK = 7 * 86_400_000;
const T0 = Date.UTC(2020, 0, 6);

/** 'red' searches climb 10 → 109 over 100 weeks, 'blue' stays at 50; sales follow the searches. */
function planted(useTrend: boolean) {
	const ds = Array.from({ length: 100 }, (_v, i) => T0 + i * WEEK);
	const red = ds.map((_v, i) => 10 + i);
	const blue = ds.map(() => 50);
	const search: SearchSeries[] = [
		{ term: 'red', region: '', ds, y: red },
		{ term: 'blue', region: '', ds, y: blue },
	];
	const launches: LaunchProduct[] = [];
	for (let i = 0; i < 60; i++) {
		const w = 20 + i;
		const colour = i % 2 ? 'red' : 'blue';
		// Mean of the 8 weeks before launch, as searchLevel reads it.
		const level = useTrend
			? (colour === 'red' ? red : blue).slice(w - 8, w).reduce((a, b) => a + b, 0) / 8
			: 50;
		launches.push({
			id: `P${i}`,
			attributes: { category: i % 3 ? 'dress' : 'skirt', color: colour },
			launch: ds[w],
			price: null,
			curve: Array.from({ length: 6 }, (_v, h) => (level / 5) * (6 - h)),
		});
	}
	return { launches, search };
}

describe('new products', () => {
	it('keeps search interest only when the hidden-launch backtest improves', () => {
		const { launches, search } = planted(true);
		const { model, trends } = buildNewProductModel(launches, [], [search]);
		expect(model.products).toBe(60);
		expect(model.horizon).toBe(6);
		expect(model.attributes.map((a) => a.name)).toEqual(['category', 'color']);
		expect(model.attributes[0].values).toEqual(['dress', 'skirt']);
		expect(model.searchWords.sort()).toEqual(['blue', 'red']);
		expect(model.backtest!.tested).toBe(12);
		// Blue products are exact either way; red ones grow with their searches.
		expect(model.backtest!.wapeSearch!).toBeLessThan(model.backtest!.wapeKnn);
		expect(model.useSearch).toBe(true);
		// A red dress launched at week 90: searches 8 weeks before average 10 + 85.5.
		const r = forecastLaunch(
			{ attributes: { category: 'dress', color: 'red' }, price: null, launch: T0 + 90 * WEEK },
			launches,
			model,
			trends,
		);
		expect(r.usedSearch).toBe(true);
		expect(r.weeks).toEqual(Array.from({ length: 6 }, (_v, h) => T0 + (90 + h) * WEEK));
		expect(r.mean[0]).toBeCloseTo((95.5 / 5) * 6, 0);
		expect(r.neighbours[0].attributes.color).toBe('red');
		expect(r.history).toBe(60);
	});

	it('does not use search interest that does not help; exact curves are forecast exactly', () => {
		const { launches, search } = planted(false);
		const { model, trends } = buildNewProductModel(launches, [], [search]);
		expect(model.useSearch).toBe(false);
		expect(model.backtest!.wapeKnn).toBeCloseTo(0, 10);
		expect(model.backtest!.wapeSearch!).toBeGreaterThan(1);
		const r = forecastLaunch(
			{ attributes: { category: 'skirt', color: 'blue' }, price: null, launch: T0 + 85 * WEEK },
			launches,
			model,
			trends,
		);
		expect(r.usedSearch).toBe(false);
		expect(r.mean.map((v) => Math.round(v * 1e6) / 1e6)).toEqual([60, 50, 40, 30, 20, 10]);
		expect(r.lo80[0]).toBeLessThanOrEqual(r.mean[0] + 1e-9);
		expect(r.hi80[0]).toBeGreaterThanOrEqual(r.mean[0] - 1e-9);
	});

	it('service: a VISUELLE catalog with week columns and its word trends give a model and a forecast', async () => {
		const db = openTrendcastDb({ indexedDB: new IDBFactory(), IDBKeyRange });
		const s = createSignalsService({ db, engines: async () => nodeEngines() });
		// Two seasons of real launches (SS19 + AW19 rows) keep the test fast.
		const lines = readFileSync(join(DATA, 'visuelle/train.csv'), 'utf8').trim().split('\n');
		const keep = [lines[0], ...lines.slice(1).filter((l) => /,(SS19|AW19),/.test(l))];
		const bytes = (t: string) => new TextEncoder().encode(t).buffer as ArrayBuffer;
		const cat = await s.importSignals({ name: 'visuelle.csv', bytes: bytes(keep.join('\n')) });
		expect(cat.kind).toBe('catalog');
		expect(await s.newProductModel()).toMatchObject({ horizon: 12, searchWords: [] });
		const gt = readFileSync(join(DATA, 'visuelle/gtrends.csv'), 'utf8');
		await s.importSignals({ name: 'gtrends.csv', bytes: bytes(gt) }, 'search');
		const m = (await s.newProductModel())!;
		expect(m.products).toBe(keep.length - 1);
		expect(m.searchWords).toEqual(expect.arrayContaining(['long sleeve', 'culottes']));
		expect(m.backtest!.tested).toBeGreaterThan(50);
		expect(m.backtest!.wapeKnn).toBeGreaterThan(20);
		expect(m.backtest!.wapeKnn).toBeLessThan(150);
		// the launch regression is backtested too and forecasts only when it beats every kNN variant
		const b = m.backtest!;
		expect(b.wapeRegression!).toBeGreaterThan(20);
		expect(b.wapeRegression!).toBeLessThan(b.wapeKnn);
		const knnBest = Math.min(b.wapeKnn, b.wapeShape, b.wapeSearch ?? Infinity);
		expect(m.method).toBe(b.wapeRegression! < knnBest ? 'regression' : 'knn');
		const r = await s.forecastNewProduct({
			attributes: { category: 'long sleeve', color: 'black' },
			price: null,
			launch: Date.UTC(2020, 0, 6),
		});
		expect(r.mean).toHaveLength(12);
		expect(r.mean.every((v) => v >= 0)).toBe(true);
		expect(r.neighbours[0].attributes.category).toBe('long sleeve');
		await s.deleteSignals(cat.id);
		expect(await s.newProductModel()).toBeNull();
	}, 60_000);
});
