// The shipped pretrained weights (public/models/pretrained-week.* and pretrained-month.*): they load into the model the app
// and the CLI build, forecast finite, ordered quantiles in Node, stay a few MB, and every data source
// they were trained on is named with its licence in the JSON and in public/models/NOTICE.md.
import { readFileSync, readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { shippedPretrained } from '../../../src/cli/deep-node';
import { BASE_FEATURES, forecastWindows } from '../../../src/ml/features';
import { QUANTILES, type ModelSpec } from '../../../src/ml/models';
import { compiledModel, disposeModel, predictWindows } from '../../../src/ml/train';
import { setWeightBlob } from '../../../src/ml/weights';
import { useWasm, weeklyBatch } from './fixtures';

const DIR = new URL('../../../public/models/', import.meta.url);
/** The window the app's "start from the pretrained model" and the engine's weekly h = 12 MLP use. */
const SPEC: ModelSpec = {
	kind: 'mlp',
	lookback: 24,
	horizon: 12,
	width: 0.5,
	features: BASE_FEATURES,
};

beforeAll(async () => {
	expect(['wasm', 'cpu']).toContain(await useWasm());
});

describe('shipped pretrained weights', () => {
	it.each(['week', 'month'] as const)(
		'the %sly start loads into the MLP and forecasts finite, ordered quantiles near the data',
		async (freq) => {
			const blob = shippedPretrained(freq, SPEC);
			expect(blob).not.toBeNull();
			expect(blob!.data.byteLength).toBeLessThan(5 * 1024 * 1024);
			// another window shape does not get them
			expect(shippedPretrained(freq, { ...SPEC, lookback: 12 })).toBeNull();
			// at most 1 MB each
			expect(blob!.data.byteLength).toBeLessThan(1024 * 1024);
			const model = compiledModel(SPEC);
			setWeightBlob(model, blob!);
			const batch = weeklyBatch(4, 80);
			const pairs = batch.ids.map((_, i) => [i, 80] as [number, number]);
			const set = forecastWindows(
				batch,
				{ lookback: 24, horizon: 12, freq, features: BASE_FEATURES },
				pairs,
				new Float64Array(4),
			);
			const q = await predictWindows(model, SPEC, set);
			disposeModel(model);
			const Q = QUANTILES.length;
			expect(q.length).toBe(4 * 12 * Q);
			let ordered = 0;
			for (let w = 0; w < 4; w++) {
				const y = batch.y.subarray(batch.indptr[w], batch.indptr[w + 1]);
				const max = Math.max(...y);
				for (let j = 0; j < 12; j++) {
					const at = (w * 12 + j) * Q;
					for (let k = 0; k < Q; k++) expect(Number.isFinite(q[at + k])).toBe(true);
					// the median stays within the series' own range, widened by half
					expect(q[at + 2]).toBeGreaterThan(-0.5 * max);
					expect(q[at + 2]).toBeLessThan(1.5 * max);
					if (q[at] <= q[at + 1] && q[at + 1] <= q[at + 2] && q[at + 2] <= q[at + 3]) ordered++;
				}
			}
			expect(ordered).toBeGreaterThanOrEqual(0.9 * 4 * 12);
		},
	);

	it('name every training source with its licence, here and in NOTICE.md (every shipped start)', () => {
		// every start shipped (weekly, monthly, any added later), not a fixed list
		const files = readdirSync(DIR).filter((f) => /^pretrained-.+\.json$/.test(f));
		expect(files).toEqual(
			expect.arrayContaining(['pretrained-week.json', 'pretrained-month.json']),
		);
		const notice = readFileSync(new URL('NOTICE.md', DIR), 'utf8');
		for (const file of files) {
			const meta = JSON.parse(readFileSync(new URL(file, DIR), 'utf8')) as {
				spec: ModelSpec;
				freq: string;
				sources: { name: string; licence: string }[];
			};
			expect(file).toBe(`pretrained-${meta.freq}.json`);
			expect(meta.spec).toEqual(SPEC);
			expect(meta.sources.length).toBeGreaterThan(0);
			// NOTICE.md names the file and each of its sources with the licence
			expect(notice).toContain(`pretrained-${meta.freq}.bin`);
			for (const s of meta.sources) {
				expect(s.licence).toMatch(/CC BY 4\.0|MIT|no third-party data/);
				expect(notice).toContain(s.name);
				expect(notice).toContain(s.licence);
			}
		}
	});
});
