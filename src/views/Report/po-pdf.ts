// The purchase-order PDF of one supplier's draft (Plan screen), worded here and laid out by the report
// worker: date, supplier, lines, units and total, then one row per product with a quantity.
import { formatDate, formatMoney, formatNumber } from '../../lib/format';
import { i18n, t } from '../../lib/i18n';
import { productLabel } from '../../lib/product-label';
import type { PdfRequest } from '../../lib/workers/report-client';
import type { PoLine } from '../../state/plan-helpers';

/** The PDF request of a purchase order (lines with quantity 0 are left out). */
export function purchaseOrderPdf(
	supplierName: string,
	lines: readonly PoLine[],
	currency: string,
	now = Date.now(),
): PdfRequest {
	const kept = lines.filter((l) => l.quantity > 0);
	const money = (v: number | null) => (v === null ? '–' : formatMoney(v, currency));
	// the total of the lines with a unit cost: unknown ('–') when none has one, and said as a lower
	// bound when some lack it (as the report's order-value KPI), never £0.00 for costs nobody gave
	const costed = kept.filter((l) => l.unitCost !== null);
	const missing = kept.length - costed.length;
	const sum = costed.reduce((a, l) => a + l.quantity * (l.unitCost as number), 0);
	const total =
		costed.length === 0
			? '–'
			: missing > 0
				? t('report_po_total_at_least', { total: money(sum), n: missing })
				: money(sum);
	const units = kept.reduce((a, l) => a + l.quantity, 0);
	return {
		title: t('report_po_title', { supplier: supplierName }),
		subtitle: [],
		lang: i18n.locale,
		footer: t('report_po_footer'),
		blocks: [
			{
				type: 'kpis',
				title: t('report_sec_summary'),
				items: [
					{ label: t('report_po_date'), value: formatDate(now) },
					{ label: t('report_po_supplier'), value: supplierName },
					{ label: t('report_po_lines'), value: formatNumber(kept.length) },
					{ label: t('report_po_units'), value: formatNumber(units) },
					{ label: t('report_po_total'), value: total },
				],
			},
			{
				type: 'table',
				title: t('report_sec_reorders'),
				headers: [
					t('report_col_product'),
					t('report_col_description'),
					t('report_col_order'),
					t('report_po_col_pack'),
					t('report_po_col_unit_cost'),
					t('report_po_col_line_total'),
				],
				align: ['left', 'left', 'right', 'right', 'right', 'right'],
				rows: kept.map((l) => [
					productLabel(l.productId),
					productLabel(l.description),
					formatNumber(l.quantity),
					formatNumber(l.pack),
					money(l.unitCost),
					l.unitCost === null ? '–' : money(l.quantity * l.unitCost),
				]),
				footer: ['', t('report_po_total'), formatNumber(units), '', '', total],
			},
		],
	};
}
