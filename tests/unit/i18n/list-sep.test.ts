// Lists inside Chinese sentences use the enumeration comma (、) and the full-width semicolon (；), as
// English uses ", " and "; " (walk9: "状态：交易关闭, 已退款", "正文 ← 评价内容; 时间 ← …").
import { afterEach, describe, expect, it } from 'vitest';
import { msg } from '../../../src/core/messages';
import { clauseSep, i18n, listSep } from '../../../src/lib/i18n';
import { translate } from '../../../src/lib/i18n/translate';

describe('list separators', () => {
	afterEach(() => i18n.setLocale('en'));

	it('follow the UI language', () => {
		i18n.setLocale('en');
		expect(['a', 'b'].join(listSep())).toBe('a, b');
		expect(['a', 'b'].join(clauseSep())).toBe('a; b');
		i18n.setLocale('zh-CN');
		expect(['正文', '时间'].join(listSep())).toBe('正文、时间');
		expect(['正文 ← 评价内容', '时间 ← 日期'].join(clauseSep())).toBe(
			'正文 ← 评价内容；时间 ← 日期',
		);
	});

	it('a blend of methods names them without a space before 的', () => {
		expect(translate('zh-CN', 'forecast_model_blend', { names: '平滑、近期平均' })).toBe(
			'平滑、近期平均的加权组合',
		);
		expect(translate('zh-CN', 'forecast_model_median', { names: '平滑、近期平均' })).toBe(
			'平滑、近期平均的中间值',
		);
	});

	it("the import note's order statuses (joined by the data worker) read as a Chinese list", () => {
		const params = {
			orders: 3,
			lines: 4,
			units: 5,
			revenue: 6,
			statuses: '交易关闭, 已退款',
		};
		const m = msg('import_status_excluded', params);
		expect(translate('zh-CN', m.code, m.params)).toContain('状态：交易关闭、已退款）');
		expect(translate('en', m.code, m.params)).toContain('交易关闭, 已退款');
		const p = msg('import_status_pending', { ...params, statuses: '待付款, 待发货' });
		expect(translate('zh-CN', p.code, p.params)).toContain('（待付款、待发货；');
	});
});
