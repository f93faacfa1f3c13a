// The app shell: header, tabs, footer, error boundary, the update/offline notices and worker errors.
import type { Catalog } from '../types';

export const en = {
	shell_tagline: 'Sales forecasts for your shop — private, on this device',
	shell_nav_label: 'Screens',
	shell_nav_import: 'Your data',
	shell_nav_explore: 'Explore sales',
	shell_nav_forecast: 'Forecast',
	shell_nav_settings: 'Settings',
	shell_error_title: 'Something went wrong',
	shell_error_dismiss: 'Dismiss',
	shell_view_error_title: 'This screen ran into a problem',
	shell_view_error_safe: 'Your data is safe. You can try again or switch screens.',
	shell_footer:
		'Your files never leave this device. Trendcast works offline after the first visit.',
	shell_update_available: 'Update available — a new version of Trendcast is ready.',
	shell_update_reload: 'Reload',
	shell_update_later: 'Later',
	shell_offline_ready:
		'Ready to work offline — Trendcast now works without an internet connection.',
	shell_ok: 'OK',
	error_cancelled: 'Cancelled',
	error_worker_failed: 'A background task stopped unexpectedly. Please try again.',
	error_data_link_lost:
		'The sales data was reloaded while this was being worked out. Please try again.',
} satisfies Catalog;

export const zhCN: Catalog<keyof typeof en> = {
	shell_tagline: '为您的店铺预测销量 — 数据只保存在本设备上',
	shell_nav_label: '页面',
	shell_nav_import: '您的数据',
	shell_nav_explore: '销售概览',
	shell_nav_forecast: '预测',
	shell_nav_settings: '设置',
	shell_error_title: '出错了',
	shell_error_dismiss: '关闭',
	shell_view_error_title: '此页面遇到问题',
	shell_view_error_safe: '您的数据是安全的。您可以重试或切换到其他页面。',
	shell_footer: '您的文件不会离开本设备。首次访问后，Trendcast 可离线使用。',
	shell_update_available: '有可用更新 — Trendcast 新版本已就绪。',
	shell_update_reload: '重新加载',
	shell_update_later: '稍后',
	shell_offline_ready: '已可离线使用 — Trendcast 现在无需联网即可运行。',
	shell_ok: '好的',
	error_cancelled: '已取消',
	error_worker_failed: '后台任务意外停止，请重试。',
	error_data_link_lost: '计算过程中销售数据被重新加载，请重试。',
};
