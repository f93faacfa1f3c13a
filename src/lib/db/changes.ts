// Tells every tab of the app that the stored datasets changed (an import, an append, a delete), so each
// tab's dataset list refreshes. The data worker of the tab that wrote announces it; DatasetStore listens.
// BroadcastChannel reaches every other context of the same origin (tabs, workers); it exists in
// browsers, workers and Node ≥ 18, and where it does not the functions do nothing.

/** Name of the channel datasets changes are announced on. */
export const DATASETS_CHANNEL = 'trendcast-datasets';

/** What is posted on the channel. */
export interface DatasetsChanged {
	type: 'datasets-changed';
	/** The dataset that was written or deleted. */
	id: string;
}

/** Announces that dataset `id` was written or deleted. */
export function announceDatasetsChanged(id: string): void {
	if (typeof BroadcastChannel === 'undefined') return;
	const channel = new BroadcastChannel(DATASETS_CHANNEL);
	channel.postMessage({ type: 'datasets-changed', id } satisfies DatasetsChanged);
	channel.close();
}

/** Calls `onChange` whenever another context announces a change; returns the unsubscribe function. */
export function onDatasetsChanged(onChange: (id: string) => void): () => void {
	if (typeof BroadcastChannel === 'undefined') return () => {};
	const channel = new BroadcastChannel(DATASETS_CHANNEL);
	channel.onmessage = (ev: MessageEvent<DatasetsChanged>) => {
		if (ev.data?.type === 'datasets-changed') onChange(ev.data.id);
	};
	return () => channel.close();
}
