// The list of stored datasets (components/datasets) and the storage line under it.
import type { Catalog } from '../types';

export const en = {
	datasets_none: 'No sales data stored yet.',
	datasets_summary: (p) =>
		`${p.rowsText} sales ${p.rows === 1 ? 'row' : 'rows'} · ${p.products === 1 ? '1 product' : `${p.productsText} products`} · ${p.from} – ${p.to} · ${p.size}`,
	datasets_delete_question: 'Delete “{name}”?',
	datasets_delete_what:
		'Its saved models, risk-flag marks and its own promotions files go with it; stock counts and plan settings stay.',
	datasets_delete: 'Delete',
	datasets_delete_named: 'Delete {name}',
	datasets_keep: 'Keep',
	datasets_explore: 'Explore',
	datasets_rename: 'Rename',
	datasets_rename_named: 'Rename {name}',
	datasets_rename_label: 'New name for “{name}”',
	datasets_rename_save: 'Save name',
	datasets_rename_cancel: 'Cancel',
	datasets_storage_used: 'Storage used on this device: {used}',
	datasets_storage_of: 'Storage used on this device: {used} of {quota} available',
	datasets_persisted: ' · kept permanently',
	datasets_demo_name: 'Demo: UK online gift shop',
} satisfies Catalog;

export const zhCN: Catalog<keyof typeof en> = {
	datasets_none: '尚未保存任何销售数据。',
	datasets_demo_name: '示例：英国网上礼品店',
	datasets_summary: (p) =>
		`${p.rowsText} 行销售记录 · ${p.productsText} 个商品 · ${p.from} – ${p.to} · ${p.size}`,
	datasets_delete_question: '删除“{name}”？',
	datasets_delete_what:
		'它保存的模型、风险标记和只属于它的促销文件会一起删除；库存数量和计划设置保留。',
	datasets_delete: '删除',
	datasets_delete_named: '删除 {name}',
	datasets_keep: '保留',
	datasets_explore: '查看',
	datasets_rename: '重命名',
	datasets_rename_named: '重命名 {name}',
	datasets_rename_label: '“{name}”的新名称',
	datasets_rename_save: '保存名称',
	datasets_rename_cancel: '取消',
	datasets_storage_used: '本设备已用存储：{used}',
	datasets_storage_of: '本设备已用存储：{used}，可用 {quota}',
	datasets_persisted: ' · 永久保存',
};
