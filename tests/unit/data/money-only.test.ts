// A file that gives sales as money only (Walmart's store weeks: Weekly_Sales, no quantity): each row
// counts as one unit, so "Units sold" would be a count of store-weeks (walkthrough 2026-12-07: 5,850
// "units" for 5,850 rows). The import says so and Explore words the total as rows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { unitsAreRows, unitsLabelKey } from '../../../src/lib/dataset-name';
import { i18n, t } from '../../../src/lib/i18n';
import { issueText, makeService, toInput } from './harness';

let service: Awaited<ReturnType<typeof makeService>>['service'];
beforeAll(async () => {
	service = (await makeService()).service;
}, 60_000);
afterEach(() => {
	i18n.locale = 'en';
});

const walmart = () =>
	new Uint8Array(
		readFileSync(join(__dirname, '../../fixtures/ingest/promotions_walmart_store_weeks_train.csv')),
	);

describe('sales given as money only', () => {
	it('warns that rows will count as units, names the money column, in en and zh', async () => {
		const p = await service.previewFile(toInput('walmart.csv', walmart()));
		expect(p.mapping.revenue).toBe('Weekly_Sales');
		expect(p.mapping.quantity).toBeUndefined();
		const w = p.issues.find((i) => i.code === 'no-quantity');
		expect(issueText(w)).toBe(
			'No quantity column found: walmart.csv gives its sales as money only (“Weekly_Sales”), so each row will count as one unit and “Units sold” will count rows. Read this file by Revenue (Explore and Forecast: choose Revenue).',
		);
		expect(issueText(w, 'zh-CN')).toContain('只给出销售金额（“Weekly_Sales”）');
		// with a quantity column chosen by hand the warning goes (it is a mapping issue)
		const check = await service.validateMapping(p.importId, {
			...p.mapping,
			quantity: 'Holiday_Flag',
		});
		expect(check.issues.map((i) => i.code)).not.toContain('no-quantity');
	}, 60_000);

	it('Explore calls the unit total rows for such a dataset, units otherwise', () => {
		expect(unitsAreRows({ revenue: 'Weekly_Sales' })).toBe(true);
		expect(unitsAreRows({ revenue: 'Total', quantity: 'Qty' })).toBe(false);
		// StockX: a row is one pair sold, priced, no revenue column: units are right
		expect(unitsAreRows({})).toBe(false);
		// Explore's measure, product and group columns say rows too
		expect(unitsLabelKey({ revenue: 'Weekly_Sales' })).toBe('explore_rows');
		expect(unitsLabelKey({ revenue: 'Total', quantity: 'Qty' })).toBe('explore_units');
		i18n.locale = 'zh-CN';
		expect(t('explore_stat_rows')).toBe('行数（文件没有数量列）');
	});
});
