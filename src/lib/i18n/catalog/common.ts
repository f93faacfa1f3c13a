// Strings shared by every screen: the app shell, tabs, language switch, generic actions.
// Each area of the app has one catalog file like this one; `zhCN` must have every key of `en`
// (the type checks it, and tests/unit/i18n/catalog.test.ts checks placeholders match).
import type { Catalog } from '../types';

export const en = {
	app_name: 'Trendcast',
	lang_switch_label: 'Language',
	lang_en: 'English',
	lang_zh_cn: '简体中文',
	action_cancel: 'Cancel',
	action_close: 'Close',
	action_download_csv: 'Download CSV',
	action_retry: 'Try again',
	count_products: (p) => (p.n === 1 ? '1 product' : `${p.nText} products`),
	csv_unit_units: 'units',
	csv_unit_days: 'days',
	csv_unit_weeks: 'weeks',
} satisfies Catalog;

export const zhCN: Catalog<keyof typeof en> = {
	app_name: 'Trendcast 趋势预测',
	lang_switch_label: '语言',
	lang_en: 'English',
	lang_zh_cn: '简体中文',
	action_cancel: '取消',
	action_close: '关闭',
	action_download_csv: '下载 CSV',
	action_retry: '重试',
	count_products: (p) => `${p.nText} 个商品`,
	csv_unit_units: '件',
	csv_unit_days: '天',
	csv_unit_weeks: '周',
};
