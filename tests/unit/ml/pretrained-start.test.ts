// The pretrained start that matches the data's frequency: weekly data begins from the weekly start,
// monthly data from the monthly start, daily data from none (it trains from scratch and says so) — in
// the shared rule (src/ml/pretrained-start.ts), the Models screen's form (usesPretrained), the train
// worker's service (which start it asks for, the note it gives, what the saved row records) and the
// CLI's --deep (its start line and the weights it loads).
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { shippedPretrained, startLine } from '../../../src/cli/deep-node';
import type { Frequency, SeriesBatch } from '../../../src/core/types';
import { openTrendcastDb } from '../../../src/lib/db/db';
import { BASE_FEATURES } from '../../../src/ml/features';
import type { ModelSpec } from '../../../src/ml/models';
import { PRETRAINED_STARTS, pretrainedStartFor } from '../../../src/ml/pretrained-start';
import { compiledModel, disposeModel } from '../../../src/ml/train';
import { getWeightBlob } from '../../../src/ml/weights';
import { usesPretrained } from '../../../src/state/model-training.svelte';
import { createTrainService, type Pretrained } from '../../../workers/train/service';
import { trainDeps, useWasm, weeklyBatch } from './fixtures';

const SPEC: ModelSpec = {
	kind: 'mlp',
	lookback: 24,
	horizon: 12,
	width: 0.5,
	features: BASE_FEATURES, // the shipped starts' features
};

/** The fixture's series re-dated to `freq` periods (monthly: month starts; daily: days). */
function dated(freq: Frequency): SeriesBatch {
	const b = weeklyBatch(6, 96);
	const ds = new Float64Array(b.ds.length);
	for (let i = 0; i < b.ids.length; i++)
		for (let t = b.indptr[i]; t < b.indptr[i + 1]; t++) {
			const k = t - b.indptr[i];
			ds[t] = freq === 'month' ? Date.UTC(2020, k, 1) : Date.UTC(2021, 0, 4 + k);
		}
	return freq === 'week' ? b : { ...b, ds };
}

beforeAll(async () => {
	await useWasm();
});

describe('the pretrained start of a frequency', () => {
	it('weekly data gets the weekly start, monthly the monthly start, daily none', () => {
		expect(pretrainedStartFor('week', 'mlp', 12).start?.freq).toBe('week');
		expect(pretrainedStartFor('month', 'mlp', 12).start?.freq).toBe('month');
		expect(pretrainedStartFor('day', 'mlp', 12)).toEqual({ start: null, reason: 'freq' });
		// the starts are MLPs 24 periods back, 12 ahead: another kind or horizon trains from scratch
		expect(pretrainedStartFor('month', 'gru', 12).reason).toBe('kind');
		expect(pretrainedStartFor('month', 'mlp', 6).reason).toBe('horizon');
		expect(PRETRAINED_STARTS.month).toMatchObject({ lookback: 24, horizon: 12, width: 0.5 });
	});

	it('the Models form starts a monthly MLP from the monthly start, never a daily one', () => {
		const form = { kind: 'mlp' as const, horizon: 12, epochs: 5, pretrained: true };
		expect(usesPretrained({ ...form, freq: 'week' })).toBe(true);
		expect(usesPretrained({ ...form, freq: 'month' })).toBe(true);
		expect(usesPretrained({ ...form, freq: 'day' })).toBe(false);
		expect(usesPretrained({ ...form, freq: 'month', pretrained: false })).toBe(false);
	});

	it('the CLI loads the start of the data frequency and says which, or that daily has none', () => {
		const week = shippedPretrained('week', SPEC);
		const month = shippedPretrained('month', SPEC);
		expect(week).not.toBeNull();
		expect(month).not.toBeNull();
		// two different starts, not the weekly weights handed to monthly data
		expect(new Uint8Array(month!.data)).not.toEqual(new Uint8Array(week!.data));
		expect(shippedPretrained('day', SPEC)).toBeNull();
		expect(startLine('month', ['mlp'], 12)).toContain('monthly pretrained start');
		expect(startLine('month', ['mlp'], 12)).toContain('pretrained-month.bin');
		expect(startLine('week', ['mlp'], 12)).toContain('pretrained-week.bin');
		expect(startLine('day', ['mlp'], 28)).toMatch(
			/no pretrained start for daily data.*from scratch/,
		);
		expect(startLine('month', ['mlp'], 6)).toMatch(/from scratch/);
	});

	it('the train worker asks for the start of the model frequency, and says when there is none', async () => {
		const asked: Frequency[] = [];
		const starts = new Map<Frequency, Pretrained>();
		for (const freq of ['week', 'month'] as const) {
			const m = compiledModel(SPEC, 1e-3, freq === 'week' ? 3 : 4);
			starts.set(freq, { spec: SPEC, freq, weights: getWeightBlob(m) });
			disposeModel(m);
		}
		const db = openTrendcastDb();
		const service = createTrainService(
			trainDeps(db, {
				pretrained: async (freq) => {
					asked.push(freq);
					return starts.get(freq) ?? null;
				},
			}),
		);
		const req = {
			datasetId: 'start-ds',
			kind: 'mlp' as const,
			horizon: 12,
			lookback: 24,
			width: 0.5,
			epochs: 1,
			batchSize: 32,
			pretrained: true,
		};
		const codes = (r: { notes: { code: string }[] }) => r.notes.map((n) => n.code);
		const month = await service.train({ ...req, jobId: 'm', freq: 'month' }, dated('month'));
		expect(asked).toEqual(['month']);
		expect(codes(month)).toContain('models_note_pretrained_month');
		const week = await service.train({ ...req, jobId: 'w', freq: 'week' }, dated('week'));
		expect(asked).toEqual(['month', 'week']);
		expect(codes(week)).toContain('models_note_pretrained_week');
		const day = await service.train({ ...req, jobId: 'd', freq: 'day' }, dated('day'));
		// no daily start is asked for: it trains from scratch and says why
		expect(asked).toEqual(['month', 'week']);
		expect(codes(day)).toContain('models_note_no_pretrained_day');
		// the saved rows record which start each began from (the Models list shows it)
		const rows = await service.listModels('start-ds');
		const byFreq = Object.fromEntries(rows.map((r) => [r.freq, r.pretrained]));
		expect(byFreq).toEqual({ month: true, week: true, day: false });
		// cancelled in its first epoch, a run resumes from the start it began with, not from scratch
		const cut = await service
			.train({ ...req, jobId: 'c', freq: 'week' }, dated('week'), (p) => {
				if (p.phase === 'batch') service.cancel('c');
			})
			.catch((e: unknown) => e);
		expect(cut).toMatchObject({ name: 'AbortError' });
		const cancelled = (await service.listModels('start-ds')).find((r) => r.status === 'cancelled');
		expect(cancelled).toMatchObject({ pretrained: true, epochsDone: 0 });
		const resumed = await service.train(
			{ ...req, jobId: 'r', freq: 'week', resumeId: cancelled!.id },
			dated('week'),
		);
		expect(codes(resumed)).toContain('models_note_pretrained_week');
		// the same weights, data and seed as the uninterrupted weekly run: the same first epoch
		expect(resumed.history[0].loss).toBe(week.history[0].loss);
	}, 60_000);
});
