// A saved deep model the train worker refuses (e.g. the promotions it was trained with are gone:
// models_error_promotions_missing) is no longer dropped silently: DeepCandidates names the model and the
// reason, ForecastRun keeps it for the Forecast screen's line and still forecasts with the other methods.
import { describe, expect, it } from 'vitest';
import type { SeriesForecast, SeriesForecastResponse } from '../../../workers/forecast-api';
import type { SeriesKeys } from '../../../workers/data/series-port';
import { codedError } from '../../../src/core/messages';
import { translate } from '../../../src/lib/i18n/translate';
import type { ForecastClient } from '../../../src/lib/workers/forecast-client';
import type { DeepModelRow, TrainClient } from '../../../src/lib/workers/train-client';
import { DeepCandidates, type DeepRefusal } from '../../../src/state/deep-candidates';
import { ForecastRun } from '../../../src/state/forecast-run.svelte';

const DAY = 86_400_000;
const SAVED = Date.UTC(2026, 10, 30);

const model = {
	id: 'm1',
	datasetId: 'A',
	kind: 'lstm',
	status: 'ready',
	freq: 'week',
	horizon: 4,
	measure: 'units',
	createdAt: SAVED,
	inputs: ['price', 'promotion'],
} as unknown as DeepModelRow;

/** A train client with one saved model whose backtest fails as `fail` says. */
function fakeTrain(fail: Error) {
	return {
		async listModels() {
			return [model];
		},
		async backtestTables() {
			throw fail;
		},
	} as unknown as TrainClient;
}

/** A forecast client that answers at once with a naive forecast of each asked product. */
function instantForecast() {
	return {
		async forecastSeries(keys: SeriesKeys): Promise<SeriesForecastResponse> {
			const ids = keys.productIds ?? ['__total__'];
			const n = 10;
			return {
				results: ids.map(
					(seriesId) =>
						({ seriesId, model: 'naive', point: new Float64Array(4) }) as unknown as SeriesForecast,
				),
				history: {
					ids,
					indptr: Int32Array.from(ids.map((_, i) => i * n).concat(ids.length * n)),
					ds: Float64Array.from({ length: n * ids.length }, (_, k) => (k % n) * 7 * DAY),
					y: new Float64Array(n * ids.length).fill(1),
				},
				leftOut: { droppedFirst: null, droppedLast: null, edges: undefined },
				future: new Float64Array([10 * 7 * DAY]),
				season: 52,
				periods: 10,
			};
		},
	} as unknown as ForecastClient;
}

const request = {
	datasetId: 'A',
	productIds: ['P1', 'P2'],
	freq: 'week' as const,
	measure: 'units' as const,
	horizon: 4,
};

describe('a refused saved deep model', () => {
	it('DeepCandidates names the model and the reason instead of dropping it silently', async () => {
		const deep = new DeepCandidates(
			fakeTrain(codedError('RangeError', 'models_error_promotions_missing')),
		);
		const refused: DeepRefusal[] = [];
		const tables = await deep.tables(request, { onRefused: (r) => refused.push(r) });
		expect(tables).toBeNull();
		expect(refused).toHaveLength(1);
		expect(refused[0].model).toEqual({
			id: 'm1',
			kind: 'lstm',
			createdAt: SAVED,
			freq: 'week',
			horizon: 4,
		});
		expect(refused[0].error.msg?.code).toBe('models_error_promotions_missing');
	});

	it('a cancel is still a cancel, not a refusal', async () => {
		const abort = Object.assign(new Error('aborted'), { name: 'AbortError' });
		const deep = new DeepCandidates(fakeTrain(abort));
		const refused: DeepRefusal[] = [];
		await expect(deep.tables(request, { onRefused: (r) => refused.push(r) })).rejects.toThrow(
			'aborted',
		);
		expect(refused).toEqual([]);
	});

	it('ForecastRun forecasts with the other methods and keeps the refusal for the screen', async () => {
		const deep = new DeepCandidates(
			fakeTrain(codedError('RangeError', 'models_error_promotions_missing')),
		);
		const run = new ForecastRun(instantForecast(), deep);
		await run.run({ ...request, models: 'auto' });
		expect(run.status).toBe('done');
		expect(run.results.map((r) => r.seriesId)).toEqual(['P1', 'P2']);
		expect(run.deepRefused?.model.id).toBe('m1');
		expect(run.deepRefused?.error.msg?.code).toBe('models_error_promotions_missing');
		// the next run (here without the deep model) clears the line
		await run.run({ ...request, models: 'quick' });
		expect(run.status).toBe('done');
		expect(run.deepRefused).toBeNull();
	});

	it('the line names the model and the reason in English and Chinese', () => {
		const reason = (l: 'en' | 'zh-CN') => translate(l, 'models_error_promotions_missing');
		const params = (l: 'en' | 'zh-CN') => ({
			model: translate(l, 'models_kind_lstm'),
			date: '30 Nov 2026',
			reason: reason(l),
		});
		const en = translate('en', 'models_deep_refused', params('en'));
		expect(en).toContain('“LSTM 50 → LSTM 50” (saved 30 Nov 2026) was left out of this forecast');
		expect(en).toContain('imported promotions, which are no longer on this device');
		const zh = translate('zh-CN', 'models_deep_refused', params('zh-CN'));
		expect(zh).toContain('已保存的深度模型“');
		expect(zh).toContain('未参与本次预测');
		expect(zh).toContain(reason('zh-CN'));
		expect(zh).not.toContain('left out');
	});
});
