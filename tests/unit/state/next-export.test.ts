// walk13: a shop adds its next export to the dataset it already has (same id, new stored content). Home,
// Plan and Customers were opened once per dataset id, so after the import they kept last week's
// dashboard, plan and segments until the page was reloaded; each now opens again for a new version. And the
// Import screen offers the dataset a file with the same columns continues (it defaulted to a new one, unsaid).
import { describe, expect, it, vi } from 'vitest';
import { DEMO_DATASET_ID } from '../../../src/core/demo';
import type {
	DatasetMeta,
	ImportOptions,
	ImportPreview,
	ProductSummary,
} from '../../../src/core/ingest/types';
import type { SeriesBatch } from '../../../src/core/types';
import { datasetVersion } from '../../../src/lib/dataset-version';
import { translate } from '../../../src/lib/i18n/translate';
import { sameLayoutDataset } from '../../../src/lib/next-export';
import type { DataClient } from '../../../src/lib/workers/data-client';
import type { HomeClient } from '../../../src/lib/workers/home-client';
import type { PlanClient } from '../../../src/lib/workers/plan-client';
import { CustomersState } from '../../../src/state/customers.svelte';
import type { DatasetStore } from '../../../src/state/dataset-store.svelte';
import { ImportFlow } from '../../../src/state/import-flow.svelte';
import { HomeState } from '../../../src/state/home.svelte';
import { PlanState } from '../../../src/state/plan.svelte';

const product = (productId: string, revenue: number): ProductSummary =>
	({ productId, description: productId, revenue, units: revenue, orders: 1 }) as ProductSummary;
const week1 = [product('LS-M', 90), product('SC-1', 60)];
const week2 = [product('LS-M', 180), product('SC-1', 120), product('WJ-30', 80)];
const meta = (rowCount: number, dateMax: number) => ({
	rowCount,
	bytes: 1000 + rowCount,
	dateMin: 0,
	dateMax,
});

const batch = (): SeriesBatch => ({
	ids: ['x'],
	indptr: Int32Array.from([0, 1]),
	ds: Float64Array.from([0]),
	y: Float64Array.from([1]),
});

describe('the next export added to the open dataset', () => {
	it('changes its version: the stored rows and period', () => {
		expect(datasetVersion(meta(10, 5))).not.toBe(datasetVersion(meta(14, 9)));
		expect(datasetVersion(meta(10, 5))).toBe(datasetVersion(meta(10, 5)));
		expect(datasetVersion(null)).toBe('');
	});

	it('makes a new plan from the new sales; the same version plans once', async () => {
		const asked: string[][] = [];
		const data = {
			getPlanSettings: async () => ({ level: 97, budget: 1500 }),
			savePlanSettings: async () => {},
			listStock: async () => [],
			listStockHistory: async () => [],
		} as unknown as DataClient;
		const planner = {
			plan: async (req: { sales: { productIds: string[] } }) => {
				asked.push(req.sales.productIds);
				return { rows: [], alerts: [] };
			},
		} as unknown as PlanClient;
		const plan = new PlanState(data, planner);
		const v1 = datasetVersion(meta(10, 5));
		plan.ensureOpen('shop', week1, v1);
		await vi.waitFor(() => expect(plan.status).toBe('done'));
		plan.ensureOpen('shop', week1, v1);
		await new Promise((r) => setTimeout(r, 10));
		expect(asked).toHaveLength(1);
		plan.ensureOpen('shop', week2, datasetVersion(meta(14, 9)));
		await vi.waitFor(() => expect(asked).toHaveLength(2));
		expect(asked[1]).toContain('WJ-30');
		// the owner's settings are kept
		expect(plan.settings).toMatchObject({ level: 97, budget: 1500 });
	});

	it('reads the dashboard again, and its cached checks are of the new version', async () => {
		const reads: number[] = [];
		const keys: string[] = [];
		const data = {
			querySeries: async (_id: string, q: { productIds: string[] | null }) => {
				if (q.productIds) reads.push(q.productIds.length);
				return batch();
			},
			groupSummary: async () => ({ mapped: false, groups: [] }),
		} as unknown as DataClient;
		const homeClient = {
			dashboard: async (req: { cacheKey: string }) => {
				keys.push(req.cacheKey);
				return { lines: [] };
			},
		} as unknown as HomeClient;
		const home = new HomeState(data, homeClient);
		await home.open('shop', week1, false, 'v1');
		await home.open('shop', week1, false, 'v1');
		expect(reads).toEqual([2]);
		await home.open('shop', week2, false, 'v2');
		expect(reads).toEqual([2, 3]);
		expect(new Set(keys).size).toBe(2);
	});

	it('works the customers out again for the new version only', async () => {
		let asked = 0;
		const client = {
			customerInsights: async () => {
				asked++;
				return { hasCustomers: false, flags: [] };
			},
		} as unknown as DataClient;
		const customers = new CustomersState(client);
		await customers.open('shop', false, 'v1');
		await customers.open('shop', false, 'v1');
		expect(asked).toBe(1);
		await customers.open('shop', false, 'v2');
		expect(asked).toBe(2);
	});
});

describe('the Import screen offers the stored dataset a file continues', () => {
	const mapping = { date: 'Created at', product: 'Lineitem sku', quantity: 'Lineitem quantity' };
	const stored = (id: string, createdAt: number, m: Record<string, string>) =>
		({ id, name: id, createdAt, mapping: m }) as unknown as DatasetMeta;

	it('is the newest dataset with the same columns in the same roles, never the demo', () => {
		const list = [
			stored('leeds', 1, mapping),
			stored('leeds-2', 2, { ...mapping }),
			stored(DEMO_DATASET_ID, 3, mapping),
			stored('till', 4, { date: 'Date', product: 'SKU' }),
		];
		expect(sameLayoutDataset(list, { ...mapping })?.id).toBe('leeds-2');
		expect(sameLayoutDataset(list, { ...mapping, revenue: 'Total' })).toBeNull();
		expect(sameLayoutDataset([stored(DEMO_DATASET_ID, 3, mapping)], mapping)).toBeNull();
		expect(sameLayoutDataset(list, {})).toBeNull();
	});

	it('is offered after the preview while the rows would make a new dataset', async () => {
		const preview = {
			importId: 'i1',
			fileName: 'orders_export (1).csv',
			columns: [],
			mapping,
			dateOrder: 'ymd',
			dateOrderAmbiguous: false,
			issues: [],
			rowCount: 3,
		} as unknown as ImportPreview;
		const client = { previewFile: async () => preview } as unknown as DataClient;
		const store = { datasets: [stored('leeds', 1, mapping)] } as unknown as DatasetStore;
		const flow = new ImportFlow(client, store);
		expect(flow.suggestedTarget).toBeNull();
		await flow.start({
			name: 'orders_export (1).csv',
			arrayBuffer: async () => new ArrayBuffer(0),
		});
		expect(flow.step).toBe('mapping');
		expect(flow.suggestedTarget?.id).toBe('leeds');
		flow.appendTo = 'leeds';
		expect(flow.suggestedTarget).toBeNull();
	});

	it('gives a new dataset the first day of the week of its currency’s country, and an append none', async () => {
		const preview = {
			importId: 'i2',
			fileName: 'us-orders.csv',
			columns: [],
			mapping,
			dateOrder: 'ymd',
			dateOrderAmbiguous: false,
			issues: [],
			rowCount: 3,
			currency: { code: 'USD', source: 'header', column: 'Price (USD)' },
		} as unknown as ImportPreview;
		const commitImport = vi.fn(async (_id: string, _options: ImportOptions) =>
			stored('us', 5, mapping),
		);
		const client = { previewFile: async () => preview, commitImport } as unknown as DataClient;
		const store = {
			datasets: [],
			refresh: async () => {},
			select: () => {},
		} as unknown as DatasetStore;
		const asked: string[] = [];
		const flow = new ImportFlow(client, store, (currency) => {
			asked.push(currency);
			return currency === 'USD' ? 0 : 1;
		});
		await flow.start({ name: 'us-orders.csv', arrayBuffer: async () => new ArrayBuffer(0) });
		await flow.confirm();
		expect(asked).toEqual(['USD']);
		expect(commitImport.mock.calls[0][1]).toMatchObject({ currency: 'USD', weekStart: 0 });
		// added to a stored dataset: it keeps its own weeks
		await flow.start({ name: 'us-orders.csv', arrayBuffer: async () => new ArrayBuffer(0) });
		flow.appendTo = 'leeds';
		await flow.confirm();
		expect(commitImport.mock.calls[1][1]).not.toHaveProperty('weekStart');
	});
});

describe('the append summary', () => {
	const params = { name: 'Leeds', added: 898, dups: 2630, from: '2011-07-31', to: '2011-08-21' };

	it('names the overlap in words, not as ISO dates (walk13: "from 2011-07-31 to 2011-08-21")', () => {
		expect(translate('en', 'import_append_summary', params)).toContain(
			'overlap from 31 Jul 2011 to 21 Aug 2011',
		);
		expect(translate('zh-CN', 'import_append_summary', params)).toContain(
			'在 2011年7月31日 至 2011年8月21日 期间重叠',
		);
		// a report stored with something else shows it as it came
		expect(translate('en', 'import_append_summary', { ...params, from: 'x' })).toContain(
			'from x to',
		);
	});
});
