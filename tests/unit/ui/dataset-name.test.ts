// The built-in demo's name is shown in the user's language; its stored id and name stay as they are.
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_DATASET_ID, DEMO_DATASET_NAME } from '../../../src/core/demo';
import { datasetName } from '../../../src/lib/dataset-name';
import { i18n } from '../../../src/lib/i18n';
import { DEMO_DATASET_ID as WORKER_DEMO_ID } from '../../../workers/data/demo';

afterEach(() => {
	i18n.locale = 'en';
});

describe('datasetName', () => {
	const demo = { id: DEMO_DATASET_ID, name: DEMO_DATASET_NAME };

	it('translates the demo’s name and keeps its stored id', () => {
		expect(WORKER_DEMO_ID).toBe('demo-online-retail');
		expect(DEMO_DATASET_ID).toBe('demo-online-retail');
		i18n.locale = 'en';
		expect(datasetName(demo)).toBe('Demo: UK online gift shop');
		i18n.locale = 'zh-CN';
		expect(datasetName(demo)).toBe('示例：英国网上礼品店');
	});

	it('shows a shop’s own dataset as it was named, in every language', () => {
		i18n.locale = 'zh-CN';
		expect(datasetName({ id: 'ds-1', name: 'Demo: UK online gift shop' })).toBe(
			'Demo: UK online gift shop',
		);
		expect(datasetName({ id: 'ds-2', name: 'My shop 2024' })).toBe('My shop 2024');
	});
});
