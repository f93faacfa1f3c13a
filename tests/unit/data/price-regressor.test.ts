// #9 item 14: "'price' never changed" while a product's line prices ran 10.95–12.75. The price regressor
// was the per-period median line price, which stays at the list price when most lines are sold at it;
// it is now the average price paid per period (revenue ÷ units), so the engine sees the price move.
import { beforeAll, describe, expect, it } from 'vitest';
import { forecastAuto } from '../../../src/core/engine';
import type { DatasetMeta } from '../../../src/core/ingest/types';
import { makeService, toInput } from './harness';

const WEEKS = 20;
const DAY = 86_400_000;
/** Monday 2024-01-01. */
const START = Date.UTC(2024, 0, 1);

/** Each week: three single units at the list price 10.95 and one line of k units at 12.75. */
function csv(): { text: string; expected: number[] } {
	const lines = ['date,sku,qty,price'];
	const expected: number[] = [];
	for (let w = 0; w < WEEKS; w++) {
		const day = (d: number) => new Date(START + (w * 7 + d) * DAY).toISOString().slice(0, 10);
		const k = 1 + ((w * 7) % 5);
		// Monday to Wednesday one unit each at the list price, Thursday k units at 12.75.
		for (let d = 0; d < 3; d++) lines.push(`${day(d)},TOTE,1,10.95`);
		lines.push(`${day(3)},TOTE,${k},12.75`);
		expected.push((3 * 10.95 + k * 12.75) / (3 + k));
	}
	return { text: lines.join('\n'), expected };
}

let ctx: Awaited<ReturnType<typeof makeService>>;
let meta: DatasetMeta;
const { text, expected } = csv();
beforeAll(async () => {
	ctx = await makeService();
	const p = await ctx.service.previewFile(toInput('tote.csv', text));
	meta = await ctx.service.commitImport(p.importId, {
		mapping: p.mapping,
		dateOrder: p.dateOrder,
		datasetName: 'tote',
	});
}, 60_000);

describe('the price regressor', () => {
	it('is the average price paid per week, which moves when the list price does not', async () => {
		const s = await ctx.service.querySeries(meta.id, {
			productIds: ['TOTE'],
			freq: 'week',
			measure: 'units',
			withPrice: true,
		});
		const price = Array.from(s.regressors!.values[0]);
		expect(price.length).toBe(WEEKS);
		price.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 9));
		expect(Math.min(...price)).toBeLessThan(11.5);
		expect(Math.max(...price)).toBeGreaterThan(11.8);
		// The engine measures it instead of saying it never changed.
		const r = forecastAuto(s.y, {
			horizon: 4,
			season: 1,
			regressors: {
				names: ['price'],
				history: [s.regressors!.values[0]],
				future: [new Float64Array(4).fill(price[WEEKS - 1])],
			},
		});
		expect(r.notes.map((n) => n.code)).not.toContain('engine_note_regressor_constant');
	}, 60_000);
});

// #11 audit: Walmart's store-weeks (store, date, weekly sales; no units column). Every line counts as
// one unit, so revenue ÷ units was the week's sales themselves: a "price" regressor equal to the
// series forecast, which took every effect from the calendar's holidays ("Christmas Day: +0% (±0%)").
describe('without a units column', () => {
	function storeWeeks(withUnitPrice: boolean): string {
		const lines = [withUnitPrice ? 'date,sku,unit_price' : 'date,store,weekly_sales'];
		for (let w = 0; w < WEEKS; w++) {
			const day = new Date(START + w * 7 * DAY).toISOString().slice(0, 10);
			if (withUnitPrice)
				for (let k = 0; k <= w % 3; k++) lines.push(`${day},TOTE,${(10 + (w % 4)).toFixed(2)}`);
			else lines.push(`${day},S1,${(1_600_000 + 50_000 * Math.sin(w)).toFixed(2)}`);
		}
		return lines.join('\n');
	}

	async function imported(name: string, text: string, roles: Record<string, string>) {
		const p = await ctx.service.previewFile(toInput(name, text));
		return ctx.service.commitImport(p.importId, {
			mapping: { date: 'date', ...roles },
			dateOrder: p.dateOrder,
			datasetName: name,
		});
	}

	it('gives no price regressor when only the sales amount is known', async () => {
		const m = await imported('walmart.csv', storeWeeks(false), {
			product: 'store',
			revenue: 'weekly_sales',
		});
		const s = await ctx.service.querySeries(m.id, {
			productIds: ['S1'],
			freq: 'week',
			measure: 'revenue',
			withPrice: true,
		});
		expect(s.y[0]).toBeGreaterThan(1_000_000);
		expect(s.regressors).toBeUndefined();
	}, 60_000);

	it('still gives the price of lines of one unit each at a unit price', async () => {
		const m = await imported('lines.csv', storeWeeks(true), {
			product: 'sku',
			unitPrice: 'unit_price',
		});
		const s = await ctx.service.querySeries(m.id, {
			productIds: ['TOTE'],
			freq: 'week',
			measure: 'units',
			withPrice: true,
		});
		expect(s.regressors?.names).toEqual(['price']);
		expect(Array.from(s.regressors!.values[0]).slice(0, 4)).toEqual([10, 11, 12, 13]);
	}, 60_000);
});
