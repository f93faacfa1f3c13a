// The purchase-order PDF's total: unknown where no line has a unit cost (not £0.00), a lower bound where
// some lack one, the sum where all have one; in English and Chinese.
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../src/lib/i18n';
import type { PoLine } from '../../../src/state/plan-helpers';
import { purchaseOrderPdf } from '../../../src/views/Report/po-pdf';

afterEach(() => {
	i18n.locale = 'en';
});

const line = (productId: string, quantity: number, unitCost: number | null): PoLine => ({
	productId,
	description: `${productId} mug`,
	quantity,
	pack: 1,
	unitCost,
});

/** The KPI value and the table footer's last cell of the PDF. */
function totals(lines: PoLine[]): [string, string] {
	const pdf = purchaseOrderPdf('Acme', lines, 'GBP', Date.UTC(2026, 11, 7));
	const kpis = pdf.blocks[0] as { items: { label: string; value: string }[] };
	const table = pdf.blocks[1] as { footer: string[] };
	return [kpis.items.at(-1)!.value, table.footer.at(-1)!];
}

describe('purchase-order PDF total', () => {
	it('is unknown, not zero, when no line has a unit cost', () => {
		const [kpi, foot] = totals([line('A', 10, null), line('B', 5, null)]);
		expect(kpi).toBe('–');
		expect(foot).toBe('–');
	});

	it('is a lower bound naming the lines without cost, and the sum when all have one', () => {
		const [partial] = totals([line('A', 10, 2), line('B', 5, null), line('C', 0, null)]);
		expect(partial).toBe('at least £20.00 (lines without a unit cost: 1)');
		const [full] = totals([line('A', 10, 2), line('B', 5, 1)]);
		expect(full).toBe('£25.00');
		i18n.locale = 'zh-CN';
		const [zh] = totals([line('A', 10, 2), line('B', 5, null)]);
		expect(zh).toMatch(/^至少 £20\.00（1 行没有单位成本）$/);
	});
});
