// Words of the Plan screen (reorder plan, alerts, purchase orders, what-if) and of the plan's
// messages from src/core/inventory. English and Simplified Chinese.
import type { Catalog } from '../types';

export const en = {
	plan_alert_order:
		'Order {qty}: {mean} ± {sd} expected over the {days}-day lead time and review period, {onHand} in stock, {onOrder} on order.',
	plan_alert_overstock:
		'Overstock: {days} days of cover, {excess} units more than {limit} days of demand.',
	plan_stock_no_sku:
		'{file}: no column names the product (expected a header like "SKU", "Product ID" or 商品编码; found: {columns}).',
	plan_stock_no_stock_columns:
		'{file}: no column for stock on hand, lead time, MOQ or pack size was recognised (e.g. "On hand", 库存, "Lead time", 交期).',
	plan_stock_missing_sku:
		'{file}, row {row}, column "{column}": the product is empty; the row was skipped.',
	plan_stock_bad_number:
		'{file}, row {row}, column "{column}": "{value}" is not a number; the cell was left out.',
	plan_stock_out_of_range:
		'{file}, row {row}, column "{column}": {value} is below {min}; the cell was left out.',
	plan_stock_bad_date:
		'{file}, row {row}, column "{column}": "{value}" is not a date (expected e.g. 2011-09-30); the cell was left out.',
	plan_stock_duplicate_sku:
		'{file}, row {row}, column "{column}": product {sku} appears again without a date; the later row wins.',
	plan_stock_unreadable: '{file} could not be read as a table. {reason}',
	plan_stock_malformed_rows: '{file}: {n} malformed line(s) from row {row} were skipped.',
	plan_note_budget:
		'The suggested orders cost {wanted}, more than the budget of {budget}: {spent} was spread over the products where it saves the most lost sales per unit of money.',
	plan_note_budget_no_cost: (p) =>
		p.n === 1
			? '1 product has no unit cost, so the budget could not weigh it: its order is kept.'
			: `${p.nText} products have no unit cost, so the budget could not weigh them: their orders are kept.`,
	plan_whatif_no_price_history:
		'The sales have no price history for this product, so a price change does not move its forecast.',
	plan_whatif_no_price_effect:
		'Past price changes of this product show no clear effect on its sales (p = {p}), so a price change does not move the forecast.',
	plan_whatif_price_effect:
		'From its sales history: each 1 of price more sells about {units} fewer units a week.',
} satisfies Catalog;

export const zhCN: Catalog<keyof typeof en> = {
	plan_alert_order:
		'建议订货 {qty}：交期加盘点周期共 {days} 天内预计需求 {mean} ± {sd}，现有库存 {onHand}，在途 {onOrder}。',
	plan_alert_overstock: '库存积压：可售 {days} 天，比 {limit} 天的需求多出 {excess} 件。',
	plan_stock_no_sku:
		'{file}：没有找到商品列（表头应类似 “SKU”、“Product ID” 或 商品编码；现有列：{columns}）。',
	plan_stock_no_stock_columns:
		'{file}：没有识别出库存、交期、起订量或箱规列（例如 “On hand”、库存、“Lead time”、交期）。',
	plan_stock_missing_sku: '{file} 第 {row} 行 “{column}” 列：商品为空，已跳过该行。',
	plan_stock_bad_number: '{file} 第 {row} 行 “{column}” 列：“{value}” 不是数字，已忽略该单元格。',
	plan_stock_out_of_range: '{file} 第 {row} 行 “{column}” 列：{value} 小于 {min}，已忽略该单元格。',
	plan_stock_bad_date:
		'{file} 第 {row} 行 “{column}” 列：“{value}” 不是日期（例如 2011-09-30），已忽略该单元格。',
	plan_stock_duplicate_sku:
		'{file} 第 {row} 行 “{column}” 列：商品 {sku} 重复且没有日期，以后一行为准。',
	plan_stock_unreadable: '{file} 无法作为表格读取。{reason}',
	plan_stock_malformed_rows: '{file}：从第 {row} 行起有 {n} 行格式错误，已跳过。',
	plan_note_budget:
		'建议订单总成本 {wanted}，超过预算 {budget}：已将 {spent} 优先分配给每单位资金能减少最多缺货损失的商品。',
	plan_note_budget_no_cost: (p) =>
		`${p.nText} 个商品没有单位成本，无法参与预算分配，保留其原订货量。`,
	plan_whatif_no_price_history: '该商品的销售记录没有价格变化，调价不会改变预测。',
	plan_whatif_no_price_effect:
		'该商品过去的价格变化对销量没有明显影响（p = {p}），调价不会改变预测。',
	plan_whatif_price_effect: '根据销售记录：价格每提高 1，每周约少卖 {units} 件。',
};
