// Links a worker that forecasts or trains (forecast, train, plan) to the data worker by a MessageChannel
// of their own: the UI opens the channel and hands one port to each side once per worker start, then
// only dataset ids and series keys pass through the UI thread, never the series (workers/data/
// series-port.ts). When the data worker ends, the consumer is told to drop its port (reads waiting on
// it fail with a coded error instead of hanging); the next call links again.
import * as Comlink from 'comlink';
import type { WorkerBridge } from './bridge';

/** What a consumer worker's API offers for the link (workers/data/series-port.ts linkApi). */
export interface DataConsumerApi {
	connectData(port: MessagePort): void;
	disconnectData(): void;
}

/** The data side: the data client opens a series port and says when its worker starts or ends. */
export interface SeriesProvider {
	/** One end of a new MessageChannel whose other end the data worker now serves series on. */
	openSeriesPort(): Promise<{ port: MessagePort; generation: number }>;
	/** The data worker's start count (a new number: links made before lead nowhere). */
	readonly generation: number;
	readonly started: boolean;
	onEnd(fn: () => void): () => void;
}

export class DataLink<Api extends DataConsumerApi> {
	readonly #provider: SeriesProvider;
	readonly #bridge: WorkerBridge<Api>;
	/** `consumer generation:data generation` of the link in place ('' = none). */
	#linked = '';
	#linking: Promise<void> | null = null;

	constructor(provider: SeriesProvider, bridge: WorkerBridge<Api>) {
		this.#provider = provider;
		this.#bridge = bridge;
		provider.onEnd(() => {
			this.#linked = '';
			// reads waiting on the dead data worker fail now (they would wait forever)
			if (bridge.started) void bridge.call((api) => api.disconnectData()).catch(() => {});
		});
	}

	#key(dataGeneration = this.#provider.generation): string {
		return `${this.#bridge.generation}:${dataGeneration}`;
	}

	/** Make sure the consumer behind `api` holds a live port to the data worker. */
	async ensure(api: Comlink.Remote<Api>): Promise<void> {
		while (!this.#provider.started || this.#linked !== this.#key()) {
			this.#linking ??= (async () => {
				try {
					const { port, generation } = await this.#provider.openSeriesPort();
					await api.connectData(Comlink.transfer(port, [port]));
					this.#linked = this.#key(generation);
				} finally {
					this.#linking = null;
				}
			})();
			await this.#linking;
		}
	}
}
