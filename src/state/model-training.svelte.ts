// The Models screen's workflow: the train worker reads every product's series from the data worker
// itself (over a MessageChannel, never through this thread); train a global deep
// model in the train worker with live progress (epoch, batch, loss curves, time left), cancel, list the
// saved models of the dataset, resume an interrupted one, forecast with a saved one, delete.
import type { Message } from '../core/messages';
import { msg } from '../lib/i18n/message';
import type { Frequency } from '../core/types';
import type { DeepKind } from '../ml/kinds';
import type { DeepCalendar } from '../ml/features';
import { DEEP_SHOP_INPUTS } from '../lib/deep-inputs';
import { pretrainedStartFor } from '../lib/pretrained-start';
import { isAbortError, toUiError } from '../lib/workers/errors';
import type {
	DatasetSeries,
	DeepForecast,
	DeepModelRow,
	TrainClient,
	TrainProgress,
} from '../lib/workers/train-client';

/** What the form asks for. */
export interface TrainForm {
	kind: DeepKind;
	freq: Frequency;
	horizon: number;
	epochs: number;
	pretrained: boolean;
	/** The shop's holiday calendar (Settings), saved with a new model; a resumed one keeps its own. */
	calendar?: DeepCalendar;
}

/**
 * Whether a form's model begins from the shipped start of its frequency (weekly or monthly MLP, 24
 * periods back, 12 ahead; none for daily data): src/ml/pretrained-start.ts.
 */
export function usesPretrained(form: TrainForm): boolean {
	return form.pretrained && pretrainedStartFor(form.freq, form.kind, form.horizon).start !== null;
}

export class ModelTraining {
	models = $state.raw<DeepModelRow[]>([]);
	running = $state(false);
	loading = $state(false);
	progress = $state.raw<TrainProgress | null>(null);
	/** Finished epochs of the run (changes once per epoch, not per batch: the loss chart redraws then). */
	history = $state.raw<TrainProgress['history']>([]);
	/** The outcome of the last run (done, cancelled, failed) and its notes. */
	outcome = $state.raw<Message[]>([]);
	forecast = $state.raw<{ model: DeepModelRow; result: DeepForecast } | null>(null);
	#abort: AbortController | null = null;
	readonly #train: TrainClient;

	constructor(train: TrainClient) {
		this.#train = train;
	}

	async refresh(datasetId: string | null): Promise<void> {
		this.models = datasetId ? await this.#train.listModels(datasetId) : [];
	}

	/** The best sellers' series of a dataset, by reference: the train worker reads them itself. */
	#series(datasetId: string, freq: Frequency): DatasetSeries {
		return { datasetId, freq };
	}

	/** Train a new model, or resume `resume` from its last checkpoint. */
	async train(datasetId: string, form: TrainForm, resume?: DeepModelRow): Promise<void> {
		if (this.running) return;
		this.running = true;
		this.outcome = [];
		this.progress = null;
		this.history = [];
		this.#abort = new AbortController();
		try {
			const freq = resume?.freq ?? form.freq;
			const batch = this.#series(datasetId, freq);
			const usePre = usesPretrained({ ...form, freq });
			const r = await this.#train.train(
				{
					datasetId,
					kind: form.kind,
					freq,
					horizon: form.horizon,
					lookback: 2 * form.horizon,
					holdout: form.horizon,
					width: 0.5,
					epochs: form.epochs,
					maxWindows: 5000,
					pretrained: usePre,
					// the shop's calendar only while the shop inputs are on (DEEP_SHOP_INPUTS, DEEP.md)
					...(form.calendar && !resume && DEEP_SHOP_INPUTS ? { calendar: form.calendar } : {}),
					...(resume ? { resumeId: resume.id } : {}),
				},
				batch,
				{
					signal: this.#abort.signal,
					onProgress: (p) => {
						this.progress = p;
						if (p.history.length !== this.history.length) this.history = p.history;
					},
				},
			);
			this.outcome = [
				msg('models_done', { epochs: r.history.length, best: r.bestEpoch }),
				...r.notes,
			];
		} catch (e) {
			// no epoch finished (in this run or the one it resumes): nothing to resume from, don't say there is
			if (isAbortError(e))
				this.outcome = [
					msg(
						this.history.length > 0 || (resume?.epochsDone ?? 0) > 0
							? 'models_cancelled'
							: 'models_cancelled_early',
					),
				];
			else {
				// a coded error is worded by its code; anything else is shown as the error it is
				const err = toUiError(e);
				this.outcome = [err.msg ?? msg('models_failed', { error: err.message })];
			}
		} finally {
			this.loading = false;
			this.running = false;
			this.#abort = null;
			await this.refresh(datasetId).catch(() => {});
		}
	}

	cancel(): void {
		this.#abort?.abort();
	}

	async remove(datasetId: string, id: string): Promise<void> {
		await this.#train.deleteModel(id);
		if (this.forecast?.model.id === id) this.forecast = null;
		await this.refresh(datasetId);
	}

	/** Forecast every product with a saved model, without training. */
	async forecastWith(datasetId: string, model: DeepModelRow): Promise<void> {
		const batch = this.#series(datasetId, model.freq);
		this.forecast = { model, result: await this.#train.forecast(model.id, batch) };
	}
}
