// ModelTraining's words after a cancel: "the last finished epoch is saved" only when there is one — an
// epoch finished in this run, or the saved model it resumes has some — else "cancelled before its first
// epoch finished" (a cancel while the worker still reads the sales trains and saves nothing).
import { describe, expect, it } from 'vitest';
import { abortError } from '../../../src/lib/workers/errors';
import type {
	DeepModelRow,
	TrainClient,
	TrainProgress,
} from '../../../src/lib/workers/train-client';
import { ModelTraining, type TrainForm } from '../../../src/state/model-training.svelte';

const form: TrainForm = { kind: 'mlp', freq: 'week', horizon: 12, epochs: 5, pretrained: true };

/** A train client whose run reports `epochs` finished epochs, then is cancelled. */
function cancelledAfter(epochs: number): TrainClient {
	return {
		async train(_req: unknown, _batch: unknown, opts: { onProgress?: (p: TrainProgress) => void }) {
			if (epochs > 0)
				opts.onProgress?.({
					modelId: 'm',
					phase: 'epoch',
					epoch: epochs,
					epochs: 5,
					batch: 4,
					batches: 4,
					history: Array.from({ length: epochs }, (_, i) => ({
						epoch: i + 1,
						epochs: 5,
						loss: 1,
						valLoss: 1,
						ms: 10,
						etaMs: 10,
					})),
					etaMs: 10,
					windows: 100,
				});
			throw abortError();
		},
		async listModels() {
			return [];
		},
	} as unknown as TrainClient;
}

const codes = (run: ModelTraining) => run.outcome.map((m) => m.code);

describe('the words after a cancel', () => {
	it('before any epoch: cancelled before the first epoch, nothing said to be saved', async () => {
		const run = new ModelTraining(cancelledAfter(0));
		await run.train('ds', form);
		expect(codes(run)).toEqual(['models_cancelled_early']);
		expect(run.running).toBe(false);
	});

	it('after an epoch of this run: the last finished epoch is saved', async () => {
		const run = new ModelTraining(cancelledAfter(2));
		await run.train('ds', form);
		expect(codes(run)).toEqual(['models_cancelled']);
	});

	it('a resumed model cancelled at once keeps its saved epochs, and says so', async () => {
		const run = new ModelTraining(cancelledAfter(0));
		const saved = { id: 'm', freq: 'week', epochsDone: 3 } as DeepModelRow;
		await run.train('ds', form, saved);
		expect(codes(run)).toEqual(['models_cancelled']);
	});
});
