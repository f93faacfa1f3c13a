// A persona's engagement level is relative to the other authors of the same file (core/signals/personas.ts
// levelOf): the words say so. walk9: CCTV's Weibo posts averaging 12,849 interactions were "互动量很少".
import { describe, expect, it } from 'vitest';
import { translate } from '../../../src/lib/i18n/translate';

describe('persona engagement words', () => {
	it('compare with the file’s other authors in both languages', () => {
		for (const level of ['high', 'average', 'low'] as const) {
			const code = `market_persona_engagement_${level}` as const;
			expect(translate('en', code, { n: 12849 })).toContain('most authors in this file');
			expect(translate('zh-CN', code, { n: 12849 })).toContain('本文件中的大多数作者');
		}
		expect(translate('zh-CN', 'market_persona_engagement_low', { n: 12849 })).not.toContain('很少');
	});
});
