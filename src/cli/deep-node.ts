/// <reference types="node" />
// The forecast CLI's --deep: the global deep models (src/ml/) trained in Node on tfjs WASM (CPU when
// WASM cannot start; no native binaries) on all series of the input at every backtest origin and at
// the end (src/ml/backtest.ts), registered as engine candidates next to the built-ins. Loaded only
// with --deep, so a plain run never loads TF.js.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { registerBuiltins } from '../core/forecast/builtins';
import { CandidateRegistry } from '../core/forecast/registry';
import type { Frequency, SeriesBatch } from '../core/types';
import { deepBacktest, type DeepBacktestResult } from '../ml/backtest';
import { DEEP_MIX_GAIN, deepCheckCut, registerDeepCandidates } from '../ml/candidates';
import type { DeepKind } from '../ml/kinds';
import {
	BASE_FEATURES,
	DEEP_SHOP_INPUTS,
	LEGACY_FEATURES,
	N_FEATURES,
	featuresOf,
	otherRegressorIndex,
	signalRegressorIndex,
} from '../ml/features';
import type { ModelSpec } from '../ml/models';
import { PRETRAINED_STARTS, fitsStart, pretrainedStartFor } from '../ml/pretrained-start';
import type { WeightBlob } from '../ml/weights';

/** One input series for the deep models: period starts (ms), values, regressor columns. */
export interface DeepInput {
	id: string;
	ds: number[];
	values: Float64Array;
	xreg: Float64Array[];
	/** Known values of each regressor for the `horizon` periods after the history (optional). */
	future?: Float64Array[];
}

/** WASM (SIMD) in Node, else the plain CPU backend; returns the one that runs. */
export async function nodeBackend(): Promise<string> {
	if (tf.getBackend() !== 'wasm') {
		const ok = await tf.setBackend('wasm').catch(() => false);
		if (!ok) await tf.setBackend('cpu');
	}
	await tf.ready();
	return tf.getBackend();
}

/**
 * The series as one batch (regressor names as given: 'price' is the price feature), with the future
 * rows' regressor values as `regressorsAhead` when every series gives `horizon` of them.
 */
export function toBatch(inputs: DeepInput[], regressors: string[], horizon = 0): SeriesBatch {
	const indptr = new Int32Array(inputs.length + 1);
	inputs.forEach((s, i) => (indptr[i + 1] = indptr[i] + s.values.length));
	const total = indptr[inputs.length];
	const ds = new Float64Array(total);
	const y = new Float64Array(total);
	const values = regressors.map(() => new Float64Array(total));
	inputs.forEach((s, i) => {
		ds.set(s.ds, indptr[i]);
		y.set(s.values, indptr[i]);
		s.xreg.forEach((c, k) => values[k].set(c, indptr[i]));
	});
	const batch: SeriesBatch = { ids: inputs.map((s) => s.id), indptr, ds, y };
	if (regressors.length > 0) batch.regressors = { names: regressors, values };
	if (
		regressors.length > 0 &&
		horizon > 0 &&
		inputs.every((s) => s.future?.length === regressors.length)
	)
		batch.regressorsAhead = {
			horizon,
			values: regressors.map((_, k) => {
				const col = new Float64Array(inputs.length * horizon).fill(NaN);
				inputs.forEach((s, i) => col.set(s.future![k].subarray(0, horizon), i * horizon));
				return col;
			}),
		};
	return batch;
}

/**
 * The shipped pretrained weights (public/models/pretrained-<freq>.*) when they fit `spec`: the weekly
 * start for weekly data, the monthly start for monthly data, none for daily data.
 */
export function shippedPretrained(freq: Frequency, spec: ModelSpec): WeightBlob | null {
	const start = PRETRAINED_STARTS[freq];
	if (!start || !fitsStart(start, spec)) return null;
	try {
		const dir = fileURLToPath(new URL('../../public/models/', import.meta.url));
		const meta = JSON.parse(readFileSync(`${dir}pretrained-${freq}.json`, 'utf8')) as {
			spec: ModelSpec;
			shapes: number[][];
		};
		const s = meta.spec;
		if (
			s.kind !== spec.kind ||
			s.lookback !== spec.lookback ||
			s.horizon !== spec.horizon ||
			(s.width ?? 1) !== (spec.width ?? 1) ||
			(s.features ?? LEGACY_FEATURES) !== featuresOf(spec)
		)
			return null;
		const bin = readFileSync(`${dir}pretrained-${freq}.bin`);
		const data = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) as ArrayBuffer;
		return { shapes: meta.shapes, data };
	} catch {
		return null;
	}
}

/**
 * What --deep says about the extra columns (stderr), or null: with several besides price, the one
 * the deep models read (a promotion-like name first, src/ml/features.ts otherRegressorIndex) and,
 * with `signalRead` (a model trained from scratch reads N_FEATURES), the next one as their signal.
 */
export function regressorLine(regressors: readonly string[], signalRead = false): string | null {
	const others = regressors.filter((n) => n !== 'price');
	if (others.length < 2) return null;
	const used = regressors[otherRegressorIndex(regressors)];
	const signal = signalRead ? regressors[signalRegressorIndex(regressors)] : undefined;
	const rest = others.filter((n) => n !== used && n !== signal);
	const head = `deep: the deep models read the column "${used}" as their promotion/signal input${signal ? ` and "${signal}" as their second signal input (models trained from scratch)` : ''}${regressors.includes('price') ? ' (and "price" as the price)' : ''}`;
	if (rest.length === 0) return head;
	return `${head}; ${rest.map((n) => `"${n}"`).join(', ')} ${rest.length === 1 ? 'is' : 'are'} used by the statistical models only`;
}

/**
 * Features a deep model of `kind` reads: BASE_FEATURES when it starts from the shipped start (trained
 * on them) or without `shopInputs` (DEEP_SHOP_INPUTS), else N_FEATURES (also the make-up working day
 * and signal features).
 */
export function deepFeatures(
	freq: Frequency,
	kind: DeepKind,
	horizon: number,
	pretrained: boolean,
	shopInputs = DEEP_SHOP_INPUTS,
): number {
	if (!shopInputs) return BASE_FEATURES;
	const start = PRETRAINED_STARTS[freq];
	const spec = { kind, lookback: Math.max(8, 2 * horizon), horizon, width: 0.5 };
	return pretrained && start && fitsStart(start, spec) ? BASE_FEATURES : N_FEATURES;
}

/** What --deep says about its start (stderr): which shipped start, or why it trains from scratch. */
export function startLine(freq: Frequency, kinds: DeepKind[], horizon: number, use = true): string {
	if (!use) return 'deep: training from scratch (no pretrained start asked for)';
	const names: Record<Frequency, string> = { day: 'daily', week: 'weekly', month: 'monthly' };
	const unit: Record<Frequency, string> = { day: 'days', week: 'weeks', month: 'months' };
	const start = PRETRAINED_STARTS[freq];
	if (!start)
		return `deep: there is no pretrained start for ${names[freq]} data, so the deep models train from scratch`;
	const using = kinds.filter((k) => pretrainedStartFor(freq, k, horizon).start);
	if (using.length === 0)
		return `deep: the ${names[freq]} pretrained start fits only the ${start.kind} at --horizon ${start.horizon}; training from scratch`;
	return `deep: ${using.join(', ')} ${using.length === 1 ? 'starts' : 'start'} from the shipped ${names[freq]} pretrained start (public/models/pretrained-${freq}.bin; ${start.lookback} ${unit[freq]} back, ${start.horizon} ahead)`;
}

export interface DeepRun extends DeepBacktestResult {
	registry: CandidateRegistry;
	backend: string;
}

/**
 * Train `kinds` on every series and return a registry with the built-ins plus one candidate per
 * kind. Throws when a model cannot be trained for the final forecast (too little history).
 */
export async function deepRegistry(
	inputs: DeepInput[],
	regressors: string[],
	opts: {
		kinds: DeepKind[];
		horizon: number;
		freq: Frequency;
		pretrained?: boolean;
		epochs?: number;
		maxWindows?: number;
		log?: (line: string) => void;
	},
): Promise<DeepRun> {
	const backend = await nodeBackend();
	const batch = toBatch(inputs, regressors, opts.horizon);
	const log = opts.log ?? (() => {});
	const features = (kind: DeepKind): number =>
		deepFeatures(opts.freq, kind, opts.horizon, opts.pretrained !== false);
	const regLine = regressorLine(
		regressors,
		opts.kinds.some((k) => features(k) > BASE_FEATURES + 1),
	);
	if (regLine) log(regLine);
	log(startLine(opts.freq, opts.kinds, opts.horizon, opts.pretrained !== false));
	const result = await deepBacktest(batch, {
		kinds: opts.kinds,
		horizon: opts.horizon,
		freq: opts.freq,
		...(opts.epochs ? { epochs: opts.epochs } : {}),
		...(opts.maxWindows ? { maxWindows: opts.maxWindows } : {}),
		features,
		initial: (spec) => (opts.pretrained === false ? null : shippedPretrained(opts.freq, spec)),
		// the short check's model (src/ml/candidates.ts deepDecision): trained without the last ⌈h/2⌉
		inner: deepCheckCut(opts.horizon),
		onStage: (s) =>
			log(
				`deep: training ${s.kind} ${s.origin > 0 ? `for backtest origin ${s.origin}` : s.origin < 0 ? `for the short check (the last ${deepCheckCut(opts.horizon)} periods held out)` : 'on the whole history'} (${s.step + 1}/${s.steps}, ${backend})`,
			),
	});
	const failed = result.skipped.filter((s) => s.origin === 0).map((s) => s.name);
	if (failed.length)
		throw new Error(
			`${failed.join(', ')}: no training windows (the series are too short; each needs more than 4 periods)`,
		);
	for (const s of result.skipped)
		log(
			`deep: ${s.name} has too little history before backtest origin ${s.origin}; it is not ranked there`,
		);
	const registry = new CandidateRegistry();
	registerBuiltins(registry);
	registerDeepCandidates(registry, result.tables, DEEP_MIX_GAIN);
	return { ...result, registry, backend };
}
