// The Report's "Order lines" next to the import's "sales rows" (walk14: 11,465 beside 15,278, not
// explained): a note says a product counts once per order, from how many sales lines, and, for a dataset
// made by one import whose counts add up, what the import left out. Never a breakdown that does not add up.
import { describe, expect, it } from 'vitest';
import { buildReport, orderLinesOf, type ReportInput } from '../../../src/core/report/build';
import { parseReport } from '../../../src/core/report/validate';
import type { ReportKpiSection } from '../../../src/core/report/types';
import { translate } from '../../../src/lib/i18n/translate';

// walk14's WooCommerce file: 16,451 lines, 553 of refunded/cancelled orders, 620 postage and fees
const walk14 = {
	rowCount: 15_278,
	report: {
		rowsRead: 16_451,
		rowsImported: 15_278,
		returnRows: 0,
		duplicateRows: 0,
		invalidRows: 0,
		cancelledRows: 0,
		status: { excluded: { lines: 553 } },
		nonProduct: { lines: 620 },
	},
};

function ordersNote(lines: ReportInput['lines'], locale: 'en' | 'zh-CN' = 'en'): string {
	const doc = buildReport({
		title: 'T',
		dataset: 'D',
		currency: 'USD',
		period: { from: 0, to: 1 },
		createdAt: 0,
		products: [{ productId: 'SNK-1', description: '', units: 20_000, revenue: 1, orders: 11_465 }],
		lines,
	});
	// it travels in a share link too
	const parsed = parseReport(JSON.parse(JSON.stringify(doc)));
	if (!parsed.ok) throw new Error('refused');
	const kpis = parsed.doc.sections[0] as ReportKpiSection;
	const note = kpis.items.find((k) => k.label.code === 'report_kpi_orders')?.note;
	return note ? translate(locale, note.code, note.params) : '';
}

describe('the note under "Order lines"', () => {
	it('says a product counts once per order and what the import left out (en, zh)', () => {
		const en = ordersNote(orderLinesOf(walk14));
		expect(en).toContain('Each product counted once per order');
		expect(en).toContain('from 15,278 sales lines');
		expect(en).toContain(
			'the import read 16,451 rows and left out 553 lines of refunded or cancelled orders, 620 postage and fee lines.',
		);
		const zh = ordersNote(orderLinesOf(walk14), 'zh-CN');
		expect(zh).toContain('来自 15,278 个销售行');
		expect(zh).toContain('未计入已退款或已取消订单的 553 行、运费和手续费 620 行');
	});

	it('gives no breakdown for an appended dataset or counts that do not add up', () => {
		const appended = { ...walk14, report: { ...walk14.report, append: { targetName: 'x' } } };
		expect(orderLinesOf(appended)).toEqual({ sales: 15_278 });
		const off = { ...walk14, rowCount: 15_000 };
		expect(orderLinesOf(off)).toEqual({ sales: 15_000 });
		expect(ordersNote(orderLinesOf(off))).toBe(
			'Each product counted once per order (the same product on two lines of one order is one), from 15,000 sales lines.',
		);
	});
});
