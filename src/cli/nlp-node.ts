/// <reference types="node" />
// Loads the NLP engines in Node (CLIs, tests, benchmarks): jieba-wasm's Node build (it instantiates its
// WASM synchronously on import) and wink-nlp with its small English model. The browser loads the same
// libraries in workers/data/nlp-web.ts.
import { createRequire } from 'node:module';
import { jiebaSegmenter, winkTokenizer, type JiebaLike, type WinkLike } from '../core/text/engines';
import type { NlpEngines } from '../core/text/tokenize';

const require = createRequire(import.meta.url);
let engines: NlpEngines | null = null;

/** jieba (with the fashion dictionary) + wink-nlp, loaded once per process. */
export function nodeEngines(extraWords: readonly string[] = []): NlpEngines {
	if (engines) return engines;
	const jieba = require('jieba-wasm') as JiebaLike;
	const winkNLP = require('wink-nlp') as (model: unknown) => WinkLike;
	const model = require('wink-eng-lite-web-model') as unknown;
	engines = { zh: jiebaSegmenter(jieba, extraWords), en: winkTokenizer(winkNLP(model)) };
	return engines;
}
