// The Plan screen's CSV downloads (the plan table, a supplier's purchase order, the what-if) as rows,
// header first: raw numbers a spreadsheet can compute with, under headers in the reader's language that
// name what the numbers are in (units, days, weeks, the dataset's currency), as the report's tables do.
// The file itself is written by the one formula-safe writer with its UTF-8 BOM (csv-download.ts).
import { withUnit, type CsvValue } from '../../lib/export/csv-download';
import { t, type MessageCode } from '../../lib/i18n';
import type { PoLine } from '../../state/plan.svelte';
import type { PlanRow, WhatIfResponse } from '../../../workers/plan-api';

const r2 = (v: number): CsvValue => (Number.isFinite(v) ? Math.round(v * 100) / 100 : '');
const units = () => t('csv_unit_units');

/** Every planned product with its stock, demand, order and settings. */
export function planCsv(
	rows: readonly PlanRow[],
	descriptions: ReadonlyMap<string, string>,
	currency: string,
): CsvValue[][] {
	const days = t('csv_unit_days');
	return [
		[
			t('plan_csv_product_id'),
			t('plan_csv_description'),
			t('plan_csv_supplier'),
			withUnit(t('plan_col_on_hand'), units()),
			withUnit(t('plan_csv_on_order'), units()),
			withUnit(t('plan_col_mean_demand'), units()),
			withUnit(t('plan_csv_sd_demand'), units()),
			withUnit(t('plan_col_safety'), units()),
			withUnit(t('plan_col_reorder_point'), units()),
			withUnit(t('plan_col_order_up_to'), units()),
			withUnit(t('plan_col_order'), units()),
			withUnit(t('plan_csv_cover'), days),
			withUnit(t('plan_col_at_risk'), currency),
			withUnit(t('plan_csv_lead'), days),
			withUnit(t('plan_col_moq'), units()),
			withUnit(t('plan_csv_pack'), units()),
			withUnit(t('plan_col_cost'), currency),
			t('plan_csv_signal'),
			withUnit(t('plan_csv_signal_lag'), t('csv_unit_weeks')),
		],
		...rows.map((r) => [
			r.productId,
			descriptions.get(r.productId) ?? '',
			r.supplier ?? '',
			r.onHand,
			r.onOrder,
			r2(r.meanDemand),
			r2(r.sdDemand),
			r2(r.safetyStock),
			r2(r.reorderPoint),
			r2(r.orderUpTo),
			r.orderQty,
			r2(r.daysOfCover),
			r2(r.revenueAtRisk),
			r.leadTimeMeanDays,
			r.moq,
			r.pack,
			r.unitCost ?? '',
			r.signal ? t(`market_signal_${r.signal.kind}` as MessageCode, { name: r.signal.name }) : '',
			r.signal?.lag ?? '',
		]),
	];
}

/** One supplier's purchase order: the lines with a quantity to order. */
export function purchaseOrderCsv(
	supplier: string,
	lines: readonly PoLine[],
	currency: string,
): CsvValue[][] {
	return [
		[
			t('plan_csv_supplier'),
			t('plan_csv_product_id'),
			t('plan_csv_description'),
			t('plan_csv_style'),
			t('plan_csv_variant'),
			withUnit(t('plan_csv_quantity'), units()),
			withUnit(t('plan_csv_pack'), units()),
			withUnit(t('plan_col_cost'), currency),
			withUnit(t('plan_csv_line_total'), currency),
		],
		...lines
			.filter((l) => l.quantity > 0)
			.map((l) => [
				supplier,
				l.productId,
				l.description,
				l.style ?? '',
				l.option ?? '',
				l.quantity,
				l.pack,
				l.unitCost ?? '',
				l.unitCost !== null ? Math.round(l.quantity * l.unitCost * 100) / 100 : '',
			]),
	];
}

/** The what-if's two cases (as today, the scenario) over the forecast's weeks. */
export function whatIfCsv(w: WhatIfResponse, currency: string): CsvValue[][] {
	const weeks = { weeks: w.base.units.length };
	const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0);
	return [
		[
			t('plan_csv_case'),
			withUnit(t('plan_csv_units', weeks), units()),
			withUnit(t('plan_csv_units_lo', weeks), units()),
			withUnit(t('plan_csv_units_hi', weeks), units()),
			withUnit(t('plan_csv_revenue', weeks), currency),
			withUnit(t('plan_csv_revenue_lo', weeks), currency),
			withUnit(t('plan_csv_revenue_hi', weeks), currency),
			withUnit(t('plan_col_reorder_point'), units()),
			withUnit(t('plan_col_order'), units()),
		],
		...(
			[
				[t('plan_whatif_today'), w.base],
				[t('plan_whatif_scenario'), w.scenario],
			] as const
		).map(([name, x]) => [
			name,
			r2(sum(x.units)),
			r2(sum(x.lower)),
			r2(sum(x.upper)),
			r2(x.revenue),
			r2(x.revenueLower),
			r2(x.revenueUpper),
			r2(x.reorderPoint),
			x.orderQty,
		]),
	];
}
