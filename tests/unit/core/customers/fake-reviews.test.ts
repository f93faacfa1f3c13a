// The in-app fake-review classifier on the shop's own labels: planted fake/genuine wording separates
// (held-out and leave-one-out), the "why" names the planted words, too few labels says how many more.
import { describe, expect, it } from 'vitest';
import {
	fakeWords,
	labelFromFile,
	learnFakeReviews,
} from '../../../../src/core/anomaly/fake-reviews';
import { trainClassifier } from '../../../../src/core/signals/sentiment';
import { analyzeText } from '../../../../src/core/text/tokenize';

const FAKE = [
	'best hotel ever my husband loved it amazing amazing',
	'amazing dress best purchase ever my husband said wow',
	'best shop ever, amazing quality, my husband bought two',
	'my husband and I love it best ever amazing seller',
	'amazing amazing best jacket ever highly recommend to everyone',
	'best ever! my husband says amazing, five stars',
	'absolutely amazing best skirt ever my husband agrees',
	'best coat ever amazing my husband wants one too',
	'这是最好的裙子 太棒了 强烈推荐 老公也说好',
	'最好的店铺 太棒了 强烈推荐 老公很喜欢',
];
const GENUINE = [
	'the sleeve seam came loose after two washes, size runs small',
	'fabric is thin, colour a bit darker than the photo, fits ok',
	'runs small so order one size up; stitching is fine',
	'shipping took nine days, zipper sticks, otherwise decent',
	'colour faded after washing, the waist fits well though',
	'decent fabric, the hem was uneven, returned for a larger size',
	'size chart was accurate, fabric slightly scratchy at the collar',
	'zipper broke after a week, seller replaced it quickly',
	'面料偏薄 尺码偏小 建议拍大一码 做工一般',
	'颜色比图片暗 洗了一次有点掉色 尺码合适',
];
const terms = (t: string) => analyzeText(t).terms;

describe('learnFakeReviews', () => {
	it('separates planted fake and genuine wording, and says why', () => {
		const texts = [
			...FAKE,
			...GENUINE,
			'amazing best blouse ever my husband',
			'the seam is loose and size runs small',
		];
		const labels = [
			...FAKE.map(() => 'fake' as const),
			...GENUINE.map(() => 'genuine' as const),
			null,
			null,
		];
		const m = learnFakeReviews(texts.map(terms), labels);
		expect(m.trained).toBe(true);
		expect(m.accuracyMethod).toBe('leave_one_out');
		expect(m.accuracyN).toBe(20);
		expect(m.accuracy!).toBeGreaterThanOrEqual(0.85);
		const [unFake, unGenuine] = m.scores.slice(-2);
		expect(unFake.p).toBeGreaterThan(0.9);
		expect(unGenuine.p).toBeLessThan(0.1);
		expect(unFake.words.join(' ')).toMatch(/amazing|best|husband/);
		expect(unFake.why.code).toBe('fake_why_words');
		expect(unGenuine.words.join(' ')).not.toMatch(/seam|size/);
		expect(m.status.code).toBe('fake_accuracy_loo');
	});

	it('uses a held-out quarter when labels are many', () => {
		const texts: string[] = [];
		const labels: ('fake' | 'genuine')[] = [];
		for (let r = 0; r < 5; r++)
			for (let i = 0; i < FAKE.length; i++) {
				texts.push(`${FAKE[i]} ${r}`, `${GENUINE[i]} ${r}`);
				labels.push('fake', 'genuine');
			}
		const m = learnFakeReviews(texts.map(terms), labels, { looBelow: 80 });
		expect(m.accuracyMethod).toBe('holdout');
		expect(m.accuracyN).toBe(25);
		expect(m.accuracy!).toBeGreaterThan(0.9);
	});

	it('says how many more labels of each kind are needed', () => {
		const texts = [...FAKE.slice(0, 3), ...GENUINE.slice(0, 9)];
		const labels = [
			...FAKE.slice(0, 3).map(() => 'fake' as const),
			...GENUINE.slice(0, 9).map(() => 'genuine' as const),
		];
		const m = learnFakeReviews(texts.map(terms), labels);
		expect(m.trained).toBe(false);
		expect(m.missing).toEqual({ fake: 5, genuine: 0 });
		expect(m.scores).toEqual([]);
		expect(m.status).toEqual({ code: 'fake_too_few', params: { fake: 5, genuine: 0, min: 8 } });
	});

	it('ranks the words that favour fake', () => {
		const model = trainClassifier(
			[...FAKE, ...GENUINE].map(terms),
			[...FAKE.map(() => 'fake'), ...GENUINE.map(() => 'genuine')],
			{ kind: 'nb', minDf: 1 },
		);
		expect(fakeWords(model, terms('amazing zipper'))).toEqual(['amazing']);
		expect(fakeWords(model, terms('zipper'))).toEqual([]);
	});

	it('reads fake/genuine labels of a file', () => {
		expect(labelFromFile('deceptive')).toBe('fake');
		expect(labelFromFile(' Truthful ')).toBe('genuine');
		expect(labelFromFile('4')).toBeNull();
	});
});
