// Loads the NLP engines inside a browser worker: jieba-wasm's web build (its 4 MB WASM is a hashed
// asset Vite finds through `new URL(…, import.meta.url)` in the package, precached by the service worker;
// instantiating it needs the CSP's 'wasm-unsafe-eval', already allowed for DuckDB) and wink-nlp with its
// small English model. Loaded on first use only. Node uses src/cli/nlp-node.ts instead.
import { jiebaSegmenter, winkTokenizer, type WinkLike } from '../../src/core/text/engines';
import type { NlpEngines } from '../../src/core/text/tokenize';

let loading: Promise<NlpEngines> | null = null;

/** jieba (with the fashion dictionary) + wink-nlp, loaded once per worker. */
export function webEngines(): Promise<NlpEngines> {
	loading ??= (async () => {
		const [jieba, wink, model] = await Promise.all([
			import('jieba-wasm/web'),
			import('wink-nlp'),
			import('wink-eng-lite-web-model'),
		]);
		await jieba.default();
		const nlp = (wink.default as unknown as (m: unknown) => WinkLike)(model.default);
		return { zh: jiebaSegmenter(jieba), en: winkTokenizer(nlp) };
	})();
	loading.catch(() => (loading = null));
	return loading;
}
