// The Settings screen: display currency, stored data, compute, privacy and offline use.
import type { Catalog } from '../types';

export const en = {
	settings_display: 'Display',
	settings_currency: 'Currency for revenue',
	settings_currency_relabel:
		'Changing the currency only changes the symbol shown with the amounts: they are not converted (£100 becomes €100, not €115).',
	settings_stored_title: 'Stored data',
	settings_stored_description: 'Deleting data frees space on this device.',
	settings_compute_title: 'Compute',
	settings_compute_description: 'Where the deep-learning models train on this device.',
	settings_test_training: 'Test training',
	settings_training: 'Training…',
	settings_smoke_done:
		'Trained a test model on {backend} in {ms} ms (slope {slope}, expected 2.00).',
	settings_smoke_failed: 'The test model failed: {error}',
	settings_privacy_title: 'Privacy and offline use',
	settings_privacy_files:
		'Your files are read and stored only in this browser. Nothing is uploaded.',
	settings_offline_ready: 'Offline use: ready.',
	settings_offline_after_visit: 'Offline use: available after the first visit.',
	settings_offline_unsupported: 'Offline use: not supported by this browser.',
	settings_offline_failed: 'Offline mode could not be set up: {error}',
} satisfies Catalog;

export const zhCN: Catalog<keyof typeof en> = {
	settings_display: '显示',
	settings_currency: '销售额使用的货币',
	settings_currency_relabel:
		'更改货币只会改变金额旁显示的货币符号，金额不会换算（£100 会显示为 €100，而不是 €115）。',
	settings_stored_title: '已保存的数据',
	settings_stored_description: '删除数据可释放本设备上的空间。',
	settings_compute_title: '计算',
	settings_compute_description: '深度学习模型在本设备上的训练方式。',
	settings_test_training: '测试训练',
	settings_training: '正在训练…',
	settings_smoke_done: '已在 {backend} 上训练测试模型，用时 {ms} 毫秒（斜率 {slope}，预期 2.00）。',
	settings_smoke_failed: '测试模型失败：{error}',
	settings_privacy_title: '隐私与离线使用',
	settings_privacy_files: '您的文件只在本浏览器中读取和保存，不会上传任何内容。',
	settings_offline_ready: '离线使用：已就绪。',
	settings_offline_after_visit: '离线使用：首次访问后可用。',
	settings_offline_unsupported: '离线使用：此浏览器不支持。',
	settings_offline_failed: '无法启用离线模式：{error}',
};
