// A pool of forecast workers for the batch ("forecast all products"): the batch's series are cut into
// chunks of consecutive series handed out one at a time to whichever worker is free (work stealing), and
// the chunks' results are put back in the batch's order. Each worker is a ForecastClient of its own (own
// bridge, own MessageChannel port to the data worker: series-link.ts), reads the whole batch once per
// job (cached in the worker under the job's share key) and forecasts only its chunk's series with the
// batch-wide parts (batch total, borrowed season, pooled candidate) taken from the whole batch, so the
// results are those of one worker forecasting the whole batch (tests/unit/workers/forecast-pool.test.ts).
// Progress is summed over the chunks; Cancel (the signal) cancels the chunk of every worker; the first
// error of a chunk stops the others and is re-thrown as the bridge words it (errors.ts).
// The interactive single-series forecast keeps the one forecastClient.
import type { DeepForecastTable } from '../../ml/candidates';
import type { Progress } from '../../core/ingest/types';
import { abortError } from './errors';
import {
	ForecastClient,
	type ForecastCallOptions,
	type SeriesForecastResponse,
	type SeriesKeys,
	type SeriesOptions,
	type SeriesWant,
} from './forecast-client';
import type { SeriesProvider } from './series-link';
import { dataClient } from './data-client';

/** The most workers a pool starts (each holds the engine's code and one copy of the batch). */
export const MAX_POOL_WORKERS = 8;

/**
 * Workers for a machine with `cores` logical cores: one per core but one (the UI thread and the data
 * worker keep a core) and at most MAX_POOL_WORKERS; on 2–3 cores still 2, because while the batch runs
 * the UI thread and the data worker are idle (they only relay progress), so a second worker is the
 * difference between one busy core and two. At least 1.
 */
export function poolSize(cores: number | undefined): number {
	const c = Number.isFinite(cores) && (cores ?? 0) >= 1 ? Math.floor(cores as number) : 1;
	if (c === 1) return 1;
	return Math.min(MAX_POOL_WORKERS, Math.max(2, c - 1));
}

/** Series per chunk: about 8 chunks per worker (a slow chunk at the end costs little), 1–64 series. */
export function chunkSize(total: number, workers: number): number {
	return Math.max(1, Math.min(64, Math.ceil(total / (workers * 8))));
}

/** What the pool needs of a forecast client (ForecastClient; a test may pass its own). */
export type PoolMember = Pick<ForecastClient, 'forecastSeries' | 'terminate'>;

export interface ForecastPoolOptions {
	/** Workers in the pool (default: poolSize(navigator.hardwareConcurrency)). */
	size?: number;
	/** Makes a worker's client (default: a ForecastClient reading from the app's data worker). */
	member?: () => PoolMember;
	/** Where the workers read series (default: the app's data client). */
	data?: SeriesProvider;
}

export class ForecastPool {
	readonly size: number;
	#members: PoolMember[] = [];
	#make: () => PoolMember;

	constructor(opts: ForecastPoolOptions = {}) {
		const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : undefined;
		this.size = Math.max(1, Math.floor(opts.size ?? poolSize(cores)));
		const data = opts.data ?? dataClient;
		this.#make = opts.member ?? (() => new ForecastClient(data));
	}

	/** The pool's i-th member (started lazily: each client starts its worker on its first call). */
	#member(i: number): PoolMember {
		while (this.#members.length <= i) this.#members.push(this.#make());
		return this.#members[i];
	}

	/**
	 * Forecast the series of `keys` as ForecastClient.forecastSeries does, across the pool's workers.
	 * One series, the total, or a pool of one: the one call to the first worker.
	 */
	async forecastSeries(
		keys: SeriesKeys,
		options: SeriesOptions,
		opts: ForecastCallOptions = {},
		deep?: Record<string, DeepForecastTable>,
		want: SeriesWant = {},
	): Promise<SeriesForecastResponse> {
		const n = keys.productIds?.length ?? 1;
		const workers = Math.min(this.size, n);
		if (workers <= 1) return this.#member(0).forecastSeries(keys, options, opts, deep, want);
		if (opts.signal?.aborted) throw abortError();

		const share = crypto.randomUUID();
		const size = chunkSize(n, workers);
		// chunks over the batch's series as the worker prepares them (at most n: the batch rules may
		// leave series out, then a worker answers the real count and later chunks past it are dropped)
		const chunks: Array<[number, number]> = [];
		for (let from = 0; from < n; from += size) chunks.push([from, Math.min(n, from + size)]);
		let total = n;
		let next = 0;
		const answers = new Map<number, SeriesForecastResponse>();
		const done = new Map<number, number>();
		const stop = new AbortController();
		const onAbort = (): void => stop.abort();
		opts.signal?.addEventListener('abort', onAbort, { once: true });
		let lastSent = -1;
		const report = (): void => {
			if (!opts.onProgress) return;
			let sum = 0;
			for (const d of done.values()) sum += d;
			sum = Math.min(sum, total);
			if (sum === lastSent) return;
			lastSent = sum;
			opts.onProgress({ phase: 'forecast', done: sum, total });
		};
		report();

		const work = async (w: number): Promise<void> => {
			const member = this.#member(w);
			while (!stop.signal.aborted) {
				const c = next++;
				if (c >= chunks.length) return;
				const [from, to] = chunks[c];
				if (from >= total) return;
				const res = await member.forecastSeries(
					keys,
					options,
					{
						signal: stop.signal,
						onProgress: (p: Progress) => {
							if (p.phase !== 'forecast') return;
							done.set(c, p.done);
							report();
						},
					},
					deep,
					{ ...want, withHistory: c === 0 && !!want.withHistory, range: [from, to], share },
				);
				total = Math.min(total, res.total ?? total);
				answers.set(c, res);
				done.set(c, res.results.length);
				report();
			}
		};

		// the first failure stops every other worker's chunk (they reject as cancelled); the caller gets it
		let failure: { error: unknown } | null = null;
		try {
			await Promise.all(
				Array.from({ length: workers }, (_, w) =>
					work(w).catch((e: unknown) => {
						failure ??= { error: e };
						stop.abort();
					}),
				),
			);
			if (opts.signal?.aborted) throw abortError();
			if (failure) throw (failure as { error: unknown }).error;
		} finally {
			opts.signal?.removeEventListener('abort', onAbort);
		}

		const ordered = [...answers.keys()].sort((a, b) => a - b).map((c) => answers.get(c)!);
		const first = answers.get(0) ?? ordered[0];
		if (!first) throw abortError();
		return {
			...first,
			results: ordered.flatMap((r) => r.results),
			total,
		};
	}

	/** End every worker of the pool now; the next call starts fresh ones. */
	terminate(): void {
		for (const m of this.#members) m.terminate();
	}
}

/** The app's pool for the batch of many products. */
export const forecastPool = new ForecastPool();
