// Amounts inside messages from core and the workers (risk reasons, import notes, the plan's budget
// note) are written with the dataset's currency in the UI language, as lib/format.ts formatMoney writes
// every other amount; without a currency they stay plain numbers.
import { describe, expect, it } from 'vitest';
import { msg } from '../../../src/core/messages';
import { MONEY_PARAMS } from '../../../src/lib/i18n/money';
import { translate } from '../../../src/lib/i18n/translate';
import { en } from '../../../src/lib/i18n/catalog';

describe('money in messages', () => {
	it('risk reasons carry the currency sign in English and Chinese', () => {
		const m = msg('risk_why_amount_high', { value: 1234.5, typical: 20 });
		expect(translate('en', m.code, m.params, 'GBP')).toBe('Amount £1,235 (usual £20.00)');
		expect(translate('zh-CN', m.code, m.params, 'CNY')).toBe('金额 ¥1,235（通常 ¥20.00）');
		const unit = msg('risk_why_unit_price_low', { value: 0.42, typical: 3.5 });
		expect(translate('en', unit.code, unit.params, 'USD')).toBe(
			'Average price only US$0.42 per unit (usual US$3.50)',
		);
		const burst = msg('risk_why_small_order_burst', { n: 6, minutes: 12, max: 4.5 });
		expect(translate('en', burst.code, burst.params, 'EUR')).toBe(
			'6 small orders (at most €4.50 each) within 12 minutes',
		);
		expect(translate('zh-CN', burst.code, burst.params, 'EUR')).toContain('€4.50');
		// not money: counts and hours stay numbers
		const hour = msg('risk_why_hour_high', { value: 3, typical: 14 });
		expect(translate('en', hour.code, hour.params, 'GBP')).toBe('Placed at 3:00, later than usual');
	});

	it('import notes write the revenue left out in the dataset’s currency', () => {
		const note = msg('import_status_excluded', {
			orders: 3,
			lines: 5,
			units: 7,
			revenue: 12345.6,
			statuses: 'refunded',
		});
		const en1 = translate('en', note.code, note.params, 'GBP');
		expect(en1).toContain('revenue £12,346;');
		const zh1 = translate('zh-CN', note.code, note.params, 'CNY');
		expect(zh1).toContain('金额 ¥12,346；');
		const postage = msg('import_non_product', { lines: 2, units: 2, revenue: 9.5, codes: 'POST' });
		expect(translate('en', postage.code, postage.params, 'EUR')).toContain('revenue €9.50)');
		expect(translate('zh-CN', postage.code, postage.params, 'EUR')).toContain('金额 €9.50）');
		// without a currency (no dataset), as before: a plain number
		expect(translate('en', note.code, note.params)).toContain('revenue 12,345.6;');
	});

	it('the plan’s budget note names the money in the currency', () => {
		const note = msg('plan_note_budget', { budget: 5000, wanted: 8200, spent: 4980 });
		expect(translate('en', note.code, note.params, 'GBP')).toBe(
			'The suggested orders cost £8,200, more than the budget of £5,000: £4,980 was spread over the products where it saves the most lost sales per unit of money.',
		);
		expect(translate('zh-CN', note.code, note.params, 'CNY')).toContain(
			'建议订单总成本 ¥8,200，超过预算 ¥5,000：已将 ¥4,980',
		);
	});

	it('every money param names a message and a param it really uses, in both languages', () => {
		for (const [code, names] of Object.entries(MONEY_PARAMS)) {
			expect(en).toHaveProperty(code);
			for (const locale of ['en', 'zh-CN'] as const) {
				const params = Object.fromEntries(
					['value', 'typical', 'n', 'minutes', 'max', 'orders', 'lines', 'units', 'revenue']
						.concat(['budget', 'wanted', 'spent'])
						.map((k) => [k, 7]),
				);
				Object.assign(params, { statuses: 's', codes: 'c' });
				names.forEach((k, i) => (params[k] = 777_001 + i));
				const text = translate(locale, code, params, 'JPY');
				names.forEach((_k, i) =>
					expect(text, `${locale} ${code}`).toMatch(new RegExp(`[¥￥]777,00${1 + i}`)),
				);
			}
		}
	});
});
