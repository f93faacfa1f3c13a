// Words of the Plan screen (reorder plan, alerts, purchase orders, what-if) and of the plan's
// messages from src/core/inventory. English and Simplified Chinese.
import type { Catalog } from '../types';

export const en = {
	plan_alert_order:
		'Order {qty}: {mean} ± {sd} expected over the {days}-day lead time and review period, {onHand} in stock, {onOrder} on order.',
	plan_alert_overstock:
		'Overstock: {days} days of cover, {excess} units more than {limit} days of demand.',
} satisfies Catalog;

export const zhCN: Catalog<keyof typeof en> = {
	plan_alert_order:
		'建议订货 {qty}：交期加盘点周期共 {days} 天内预计需求 {mean} ± {sd}，现有库存 {onHand}，在途 {onOrder}。',
	plan_alert_overstock: '库存积压：可售 {days} 天，比 {limit} 天的需求多出 {excess} 件。',
};
