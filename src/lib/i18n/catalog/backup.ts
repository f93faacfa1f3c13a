// Backup and restore (Settings) and their error codes (workers/data/backup.ts).
import { plural } from '../plural';
import type { Catalog } from '../types';

export const en = {
	backup_title: 'Backup and restore',
	backup_description:
		'Save everything Trendcast keeps on this device — datasets, stock, models, settings and your checks — in one file, and bring it back here or on another device.',
	backup_download: 'Download a backup',
	backup_working: 'Preparing the backup…',
	backup_saved: 'Backup saved as {file} ({size}).',
	backup_restore_label: 'Restore from a backup file',
	backup_restore_confirm:
		'Restoring replaces everything stored on this device with the content of “{file}”. Continue?',
	backup_restore_yes: 'Replace and restore',
	backup_restoring: 'Restoring…',
	backup_restored: (p) =>
		`Restored ${p.datasetsText} ${plural(p.datasets, 'dataset', 'datasets')} with ${p.salesRowsText} sales ${plural(p.salesRows, 'row', 'rows')}${Number(p.stock) > 0 ? `, stock of ${p.stockText} ${plural(p.stock, 'product', 'products')}` : ''} and your settings.`,
	backup_error_not_backup: '“{file}” is not a Trendcast backup. Nothing was changed.',
	backup_error_not_trendcast:
		'“{file}” is a backup of another app (“{name}”), not of Trendcast. Nothing was changed.',
	backup_error_newer:
		'“{file}” comes from a newer Trendcast (storage version {version}; this one reads up to {ours}). Update the app, then restore. Nothing was changed.',
	backup_error_tables:
		'“{file}” holds data this version of Trendcast does not know ({tables}). Update the app, then restore. Nothing was changed.',
	backup_error_damaged:
		'The backup “{file}” is damaged and could not be read completely. Nothing was changed.',
	backup_error_rollback_failed:
		'The backup “{file}” could not be restored, and what was stored before could not be put back completely. Restore another backup of yours, or import your files again.',
} satisfies Catalog;

export const zhCN: Catalog<keyof typeof en> = {
	backup_title: '备份与恢复',
	backup_description:
		'把 Trendcast 在本设备上保存的所有内容（数据集、库存、模型、设置和您的核查标记）存成一个文件，之后可在本设备或其他设备上恢复。',
	backup_download: '下载备份',
	backup_working: '正在准备备份……',
	backup_saved: '备份已保存为 {file}（{size}）。',
	backup_restore_label: '从备份文件恢复',
	backup_restore_confirm: '恢复会用“{file}”的内容替换本设备上保存的所有内容。要继续吗？',
	backup_restore_yes: '替换并恢复',
	backup_restoring: '正在恢复……',
	backup_restored: (p) =>
		`已恢复 ${p.datasetsText} 个数据集（共 ${p.salesRowsText} 行销售记录）${Number(p.stock) > 0 ? `、${p.stockText} 个商品的库存` : ''}以及您的设置。`,
	backup_error_not_backup: '“{file}”不是 Trendcast 备份，未做任何更改。',
	backup_error_not_trendcast:
		'“{file}”是其他应用（“{name}”）的备份，不是 Trendcast 的，未做任何更改。',
	backup_error_newer:
		'“{file}”来自更新版本的 Trendcast（存储版本 {version}，当前版本最多支持 {ours}）。请先更新应用再恢复。未做任何更改。',
	backup_error_tables:
		'“{file}”包含当前版本的 Trendcast 不认识的数据（{tables}）。请先更新应用再恢复。未做任何更改。',
	backup_error_damaged: '备份文件“{file}”已损坏，无法完整读取。未做任何更改。',
	backup_error_rollback_failed:
		'备份文件“{file}”无法恢复，之前保存的内容也未能完整放回。请恢复您的另一份备份，或重新导入文件。',
};
