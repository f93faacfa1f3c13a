// The market-signals service: imports posts / search-interest / reviews / catalog files through the
// dataset-kind schemas (src/core/ingest/schemas/*) into Dexie (version 5 tables signalSets +
// signalRecords), and builds the Market report — hot topics with bursts, search interest, review sentiment
// and aspects per product (classifier trained on the shop's own labelled reviews, scored on a held-out
// split against the lexicon), and lead-lag of each signal against the shop's weekly sales. Everything
// the UI shows is data or message codes. Runs in the market worker (workers/market-api.ts) with the
// browser NLP engines, and in Node tests with the Node ones.
import {
	CATALOG_ROLES,
	readCatalog,
	type CatalogRecord,
} from '../../src/core/ingest/schemas/catalog';
import { POST_ROLES, readPosts, type PostRecord } from '../../src/core/ingest/schemas/posts';
import { SchemaError, type RoleSpec } from '../../src/core/ingest/schemas/records';
import {
	REVIEW_ROLES,
	readReviews,
	type ReviewRecord,
} from '../../src/core/ingest/schemas/reviews';
import {
	SearchParseError,
	looksLikeSearchInterest,
	parseSearchInterest,
	type SearchSeries,
} from '../../src/core/ingest/schemas/search';
import { normalizeHeader } from '../../src/core/ingest/columns';
import { matchRoles, synonymTable, type RawTable } from '../../src/core/ingest/schemas/table';
import type { ImportIssue } from '../../src/core/ingest/types';
import { leadLag, type LagCorrelation } from '../../src/core/signals/leadlag';
import type { Aspect } from '../../src/core/signals/lexicon';
import {
	aspectMentions,
	labelCounts,
	lexiconScore,
	MIN_ROWS_PER_LABEL,
	predict,
	predictProba,
	scoreLabels,
	splitIndices,
	trainClassifier,
} from '../../src/core/signals/sentiment';
import { newsPosts } from '../../src/core/signals/news';
import { findPersonas, type PersonaDoc, type PersonaReport } from '../../src/core/signals/personas';
import { findTopics, type TopicReport } from '../../src/core/signals/topics';
import { analyzeText, type NlpEngines } from '../../src/core/text/tokenize';
import type { SignalSetRow, TrendcastDb } from '../../src/lib/db/db';
import { readLaunches } from '../../src/core/newproduct/launches';
import type { LaunchProduct } from '../../src/core/newproduct/knn';
import {
	shopLaunches,
	type CatalogFacts,
	type ShopProduct,
	type WeeklyBatch,
} from '../../src/core/newproduct/shop';
import {
	buildNewProductModel,
	forecastLaunch,
	type NewProductInput,
	type NewProductModel,
	type NewProductResult,
} from './newproduct-service';
import {
	fuseBatch as fuseBatchCore,
	fuseSignals as fuseCore,
	signalWeekOf,
	type BatchFusionReport,
	type FusionReport,
	type WeeklySignal,
} from './fusion';
import { fileText, readTable, unpackedBytes } from './read-table';
import { mondayOf, searchWeekly } from './search-weekly';
import type { Progress } from '../../src/core/ingest/types';
import { cancelledError } from '../../src/core/messages';
import { throttleProgress, yieldToEvents } from './progress';

/** Texts segmented between two progress reports / cancel checks of the Market report. */
const TEXT_CHUNK = 250;

/** How the Market report is watched: throttled progress and a cancel between chunks of texts. */
export interface ReportOptions {
	signal?: AbortSignal;
	onProgress?: (p: Progress) => unknown;
}

/** Weeks of sales after a launch the shop's own launch curves cover. */
const SHOP_LAUNCH_WEEKS = 12;

/** The shop's weekly units per product, for its own past launches (key: dataset + history length). */
export interface ShopSales {
	key: string;
	products: ShopProduct[];
	batch: WeeklyBatch;
	/** First week of the whole history, epoch ms. */
	dataStart: number;
}

/** Kinds of signal files. */
export type SignalKind = SignalSetRow['kind'];

/** A stored signal set as listed in the UI. */
export interface SignalSetMeta {
	id: string;
	kind: SignalKind;
	name: string;
	createdAt: number;
	rowCount: number;
	/** Role → column used. */
	mapping: Record<string, string>;
	/** Table kinds: the file's columns (for changing the mapping). */
	columns?: string[];
	issues: ImportIssue[];
	/** Search sets: frequency of the series. */
	frequency?: string;
}

/** The columns of a table file and the roles of its kind (the Market screen's mapping form). */
export interface SignalColumns {
	kind: TableKind;
	columns: string[];
	roles: { role: string; required: boolean }[];
	/** Role → column as guessed from the headers. */
	mapping: Record<string, string>;
}

/** Kinds read from a table (not search-interest exports). */
export type TableKind = 'posts' | 'reviews' | 'catalog';

const ROLE_SPECS: Record<TableKind, Record<string, RoleSpec>> = {
	posts: POST_ROLES,
	reviews: REVIEW_ROLES,
	catalog: CATALOG_ROLES,
};

/**
 * Schema and search-export errors as message codes (the view words them in the UI's language): a
 * missing required column names the file, the role and the columns found; a bad search export names the
 * file, row and column.
 */
function asCodedImportError(e: unknown, fileName: string, kind: string): unknown {
	if (e instanceof SchemaError) {
		const role = /no column for "([^"]+)"/.exec(e.message)?.[1] ?? '';
		const columns = /Columns found: (.*)\.$/.exec(e.message)?.[1] ?? '';
		return codedError('market_error_missing_column', e.message, {
			file: fileName,
			kind,
			role,
			columns,
		});
	}
	if (e instanceof SearchParseError) {
		const code =
			{
				'search-no-header': 'market_error_search_header',
				'search-no-terms': 'market_error_search_terms',
				'search-bad-date': 'market_error_search_date',
				'search-unordered': 'market_error_search_order',
				'search-no-rows': 'market_error_no_rows',
			}[e.issue.code] ?? 'market_error_search_header';
		return codedError(code, e.message, {
			file: fileName,
			row: e.issue.row ?? 0,
			column: e.issue.column ?? '',
		});
	}
	return e;
}

/** Weekly sales to compare the signals with (from the data worker's querySeries). */
export interface SalesSeries {
	name: string;
	/** Week starts (the dataset's first day of the week), epoch ms. */
	ds: number[];
	y: number[];
}

/** One lead-lag finding. */
export interface LeadLagFinding {
	/** What the signal is: a search term, a hashtag/keyword volume or review sentiment. */
	signalKind: 'search' | 'topic' | 'sentiment';
	signal: string;
	target: string;
	/** Lag in weeks (null: no significant lead). */
	bestLag: number | null;
	r: number;
	grangerP: number;
	lags: LagCorrelation[];
	n: number;
}

/** Review sentiment and aspects of one product. */
export interface ProductSentiment {
	product: string;
	reviews: number;
	/** Share of reviews predicted positive. */
	positive: number;
	aspects: { aspect: Aspect; pos: number; neg: number }[];
	/** Monthly share positive (months with reviews). */
	timeline: { month: number; positive: number; n: number }[];
}

/** Classifier quality on the shop's own labelled reviews. */
export interface SentimentModelInfo {
	target: 'label' | 'rating';
	trained: number;
	heldOut: number;
	accuracy: number;
	macroF1: number;
	lexiconAccuracy: number;
	lexiconMacroF1: number;
}

/** The Market report. */
export interface MarketReport {
	sets: SignalSetMeta[];
	topics: { setId: string; name: string; posts: number; report: TopicReport }[];
	search: { setId: string; name: string; frequency: string; series: SearchSeries[] }[];
	reviews: {
		setId: string;
		name: string;
		model: SentimentModelInfo | null;
		/** Labels (or star classes) found but too few to train on: rows per label and the minimum. */
		thin?: {
			target: 'label' | 'rating';
			counts: { label: string; n: number }[];
			min: number;
			minTotal: number;
		};
		products: ProductSentiment[];
	}[];
	leadLag: LeadLagFinding[];
	/** Personas of the post authors and of the reviewers (or review voices), per file. */
	personas: {
		setId: string;
		name: string;
		source: 'posts' | 'reviews';
		report: PersonaReport;
		/** Posts read as news (headline, byline, a news feed): no review aspects taken from them. */
		news?: number;
	}[];
	/** Texts analysed per second (the whole text pipeline), for the speed note. */
	textsPerSecond: number;
}

/** Dependencies of the service. */
export interface SignalsDeps {
	db: TrendcastDb;
	/** The NLP engines (loaded lazily: jieba's WASM is fetched on first use). */
	engines: () => Promise<NlpEngines>;
	now?: () => number;
	newId?: () => string;
}

/** An Error with a stable name and a message code (the UI renders the code). */
function codedError(code: string, message: string, params: Record<string, string | number> = {}) {
	const e = new Error(message) as Error & { code: string; params: Record<string, string | number> };
	e.name = 'SignalImportError';
	e.code = code;
	e.params = params;
	return e;
}

/** Guesses the kind of a table from its headers. */
export function guessKind(table: RawTable): SignalKind {
	const h = table.header.map((x) => normalizeHeader(x));
	const has = (...w: string[]) => h.some((x) => w.some((y) => x === y || x.includes(y)));
	if (has('rating', 'review', '评价', '评论', 'recommended', 'stars')) return 'reviews';
	if (has('externalcode', 'releasedate', 'launch', '上市', 'title', 'category', '类目'))
		return has('likes', 'retweets', 'reposts', '点赞', '转发') ? 'posts' : 'catalog';
	return 'posts';
}

/** Key of a catalog set's past launches in signalRecords. */
function launchesKey(id: string): string {
	return `${id}#launches`;
}

/** Identity of the stored posts sets (ids and row counts): the topic signals are recomputed when it changes. */
function postsKey(sets: readonly { id: string; kind: string; rowCount?: number }[]): string {
	return sets
		.filter((s) => s.kind === 'posts')
		.map((s) => `${s.id}:${s.rowCount ?? 0}`)
		.sort()
		.join('|');
}

/** Weekly post counts of the 5 top topic keys (hashtag keys named with their #). */
export function topicWeekly(
	topics: TopicReport,
	docs: readonly { ts: number; terms: readonly string[]; hashtags: readonly string[] }[],
): WeeklySignal[] {
	return topics.top.slice(0, 5).map((k) => {
		const weekly = new Map<number, number>();
		for (const d of docs)
			if (k.isHashtag ? d.hashtags.includes(k.key) : d.terms.includes(k.key))
				weekly.set(mondayOf(d.ts), (weekly.get(mondayOf(d.ts)) ?? 0) + 1);
		return { kind: 'topic', name: (k.isHashtag ? '#' : '') + k.key, weekly, zeroFill: true };
	});
}

/** Creates the service. */
export function createSignalsService(deps: SignalsDeps) {
	const { db } = deps;
	const now = deps.now ?? (() => Date.now());
	let seq = 0;
	const newId = deps.newId ?? (() => `s${now().toString(36)}${(++seq).toString(36)}`);

	async function listSignals(): Promise<SignalSetMeta[]> {
		const rows = await db.signalSets.orderBy('createdAt').reverse().toArray();
		return rows as unknown as SignalSetMeta[];
	}

	/** The columns and roles of a table file (null for a search-interest export: it has no mapping). */
	async function signalColumns(
		file: { name: string; bytes: ArrayBuffer },
		kind: SignalKind | 'auto' = 'auto',
	): Promise<SignalColumns | null> {
		const bytes = await unpackedBytes(file.name, new Uint8Array(file.bytes));
		const { text, format } = await fileText(file.name, bytes);
		if (kind === 'search' || (kind === 'auto' && format === 'csv' && looksLikeSearchInterest(text)))
			return null;
		const table = await readTable(file.name, bytes);
		const k: TableKind = kind === 'auto' ? (guessKind(table) as TableKind) : kind;
		const spec = ROLE_SPECS[k];
		const syn = synonymTable(
			Object.fromEntries(Object.entries(spec).map(([r, x]) => [r, x.synonyms])),
		);
		return {
			kind: k,
			columns: [...table.header],
			roles: Object.entries(spec).map(([role, x]) => ({ role, required: x.required === true })),
			mapping: matchRoles(table.header, syn) as Record<string, string>,
		};
	}

	/**
	 * Imports a file as posts/search/reviews/catalog ('auto' guesses from the content). `mapping` (role →
	 * column; '' = none) overrides the columns guessed from the headers; `replaces` is a set this import
	 * takes the place of (the same file imported again with other columns).
	 */
	async function importSignals(
		file: { name: string; bytes: ArrayBuffer },
		kind: SignalKind | 'auto' = 'auto',
		mapping: Record<string, string> = {},
		replaces?: string,
	): Promise<SignalSetMeta> {
		try {
			return await importSignalsAs(file, kind, mapping, replaces);
		} catch (e) {
			throw asCodedImportError(e, file.name, kind);
		}
	}

	async function importSignalsAs(
		file: { name: string; bytes: ArrayBuffer },
		kind: SignalKind | 'auto',
		mapping: Record<string, string>,
		replaces: string | undefined,
	): Promise<SignalSetMeta> {
		const bytes = await unpackedBytes(file.name, new Uint8Array(file.bytes));
		let records: unknown[];
		let launches: LaunchProduct[] | null = null;
		let meta: SignalSetMeta;
		const base = { id: newId(), name: file.name, createdAt: now() };
		const { text, format } = await fileText(file.name, bytes);
		if (
			kind === 'search' ||
			(kind === 'auto' && format === 'csv' && looksLikeSearchInterest(text))
		) {
			const s = parseSearchInterest(file.name, text);
			records = s.series;
			meta = {
				...base,
				kind: 'search',
				rowCount: s.series[0]?.ds.length ?? 0,
				mapping: {},
				issues: s.issues,
				frequency: s.frequency,
			};
		} else {
			const table = await readTable(file.name, bytes);
			const k = kind === 'auto' ? guessKind(table) : kind;
			let res;
			try {
				res =
					k === 'reviews'
						? readReviews(table, mapping)
						: k === 'catalog'
							? readCatalog(table, mapping)
							: readPosts(table, mapping);
			} catch (e) {
				throw asCodedImportError(e, file.name, k === 'search' ? 'posts' : k);
			}
			records = res.records;
			meta = {
				...base,
				kind: k as SignalKind,
				rowCount: res.records.length,
				mapping: res.mapping as Record<string, string>,
				columns: [...table.header],
				issues: res.issues,
			};
			if (res.records.length === 0)
				throw codedError('market_error_no_rows', `${file.name}: no usable rows.`, {
					file: file.name,
				});
			// A catalog with weekly sales after launch (columns 0…H−1) also holds past launches.
			if (k === 'catalog') launches = readLaunches(table, mapping).products;
		}
		await db.transaction('rw', db.signalSets, db.signalRecords, async () => {
			await db.signalSets.put(meta as unknown as SignalSetRow);
			await db.signalRecords.put({ id: meta.id, records });
			if (launches) await db.signalRecords.put({ id: launchesKey(meta.id), records: launches });
			if (replaces && replaces !== meta.id) {
				await db.signalSets.delete(replaces);
				await db.signalRecords.delete(replaces);
				await db.signalRecords.delete(launchesKey(replaces));
			}
		});
		newProducts = null;
		return meta;
	}

	async function deleteSignals(id: string): Promise<void> {
		await db.transaction('rw', db.signalSets, db.signalRecords, async () => {
			await db.signalSets.delete(id);
			await db.signalRecords.delete(id);
			await db.signalRecords.delete(launchesKey(id));
		});
		newProducts = null;
	}

	async function recordsOf<T>(id: string): Promise<T[]> {
		return ((await db.signalRecords.get(id))?.records ?? []) as T[];
	}

	/**
	 * Builds the whole Market report; `sales` is the shop's weekly total (or null). Progress: the phase
	 * (market_posts, _topics, _search, _reviews, _sentiment) and the texts segmented of all the posts
	 * and reviews; an abort of `signal` stops it between chunks of texts (market_cancelled).
	 */
	async function marketReport(
		sales: SalesSeries | null,
		opts: ReportOptions = {},
	): Promise<MarketReport> {
		const sets = await listSignals();
		const progress = throttleProgress(opts.onProgress);
		const total = Math.max(
			1,
			sets
				.filter((x) => x.kind === 'posts' || x.kind === 'reviews')
				.reduce((a, x) => a + x.rowCount, 0),
		);
		let textsDone = 0;
		const say = (phase: string) =>
			progress({ phase: `market_${phase}`, done: Math.min(textsDone, total), total });
		const stopIfCancelled = () => {
			if (opts.signal?.aborted) throw cancelledError('market_cancelled');
		};
		/** Terms of each text, a chunk at a time: progress, and a chance for a cancel to arrive. */
		const analyseAll = async (texts: string[], phase: string): Promise<string[][]> => {
			const out: string[][] = [];
			for (let i = 0; i < texts.length; i += TEXT_CHUNK) {
				for (const x of texts.slice(i, i + TEXT_CHUNK)) out.push(analyzeText(x, engines).terms);
				textsDone += Math.min(TEXT_CHUNK, texts.length - i);
				say(phase);
				await yieldToEvents();
				stopIfCancelled();
			}
			return out;
		};
		const firstText = sets.find((x) => x.kind === 'posts' || x.kind === 'reviews');
		if (firstText) say(firstText.kind);
		const engines = await deps.engines();
		const catalogTexts: { id: string; terms: string[] }[] = [];
		for (const s of sets.filter((x) => x.kind === 'catalog'))
			for (const c of await recordsOf<CatalogRecord>(s.id))
				catalogTexts.push({
					id: c.id,
					terms: analyzeText(
						[c.title, c.description, c.category, ...Object.values(c.attributes)].join(' '),
						engines,
					).terms,
				});
		let analysed = 0;
		let analyseMs = 0;
		// kept for the Forecast screen only once the whole report is built (a cancel leaves the old ones)
		const signals: WeeklySignal[] = [];
		const report: MarketReport = {
			sets,
			topics: [],
			search: [],
			reviews: [],
			leadLag: [],
			personas: [],
			textsPerSecond: 0,
		};
		for (const s of sets) {
			stopIfCancelled();
			if (s.kind === 'posts') {
				const posts = await recordsOf<PostRecord>(s.id);
				const t0 = performance.now();
				const terms = await analyseAll(
					posts.map((p) => p.text),
					'posts',
				);
				const docs = posts.map((p, i) => ({
					ts: p.ts,
					terms: terms[i],
					hashtags: p.hashtags,
					engagement: p.likes + p.shares + p.comments,
				}));
				analyseMs += performance.now() - t0;
				analysed += docs.length;
				say('topics');
				const topics = findTopics(docs, { products: catalogTexts });
				report.topics.push({ setId: s.id, name: s.name, posts: posts.length, report: topics });
				// Aspects (fit, size, price …) are what customers say of goods: none from news posts.
				const news = newsPosts(posts);
				const pdocs: PersonaDoc[] = posts.map((p, i) => ({
					author: p.author,
					ts: p.ts,
					terms: docs[i].terms,
					hashtags: p.hashtags,
					engagement: docs[i].engagement,
					tone: lexiconScore(docs[i].terms),
					aspects: !news[i],
				}));
				report.personas.push({
					setId: s.id,
					name: s.name,
					source: 'posts',
					report: findPersonas(pdocs),
					news: news.filter(Boolean).length,
				});
				// Weekly volume of each top key: compared with sales, and kept for the Forecast screen.
				for (const t of topicWeekly(topics, docs)) {
					signals.push(t);
					if (sales) {
						const f = compare('topic', t.name, t.weekly, sales, true);
						if (f) report.leadLag.push(f);
					}
				}
			} else if (s.kind === 'search') {
				say('search');
				const series = await recordsOf<SearchSeries>(s.id);
				report.search.push({ setId: s.id, name: s.name, frequency: s.frequency ?? 'week', series });
				if (sales)
					for (const x of series) {
						const f = compare('search', x.term, searchWeekly(x), sales, false);
						if (f) report.leadLag.push(f);
					}
			} else if (s.kind === 'reviews') {
				const reviews = await recordsOf<ReviewRecord>(s.id);
				const t0 = performance.now();
				const docs = await analyseAll(
					reviews.map((r) => r.text),
					'reviews',
				);
				analyseMs += performance.now() - t0;
				analysed += docs.length;
				say('sentiment');
				const { tones, ...sentiment } = reviewSentiment(reviews, docs);
				report.reviews.push({ setId: s.id, name: s.name, ...sentiment });
				const pdocs: PersonaDoc[] = reviews.map((r, i) => ({
					author: r.author ?? '',
					ts: r.ts,
					terms: docs[i],
					hashtags: [],
					engagement: 0,
					tone: tones[i],
					age: r.age ?? null,
				}));
				report.personas.push({
					setId: s.id,
					name: s.name,
					source: 'reviews',
					report: findPersonas(pdocs),
				});
			}
		}
		stopIfCancelled();
		topicSignals = signals;
		topicKey = postsKey(sets);
		report.textsPerSecond = analyseMs > 0 ? analysed / (analyseMs / 1000) : 0;
		report.leadLag.sort(
			(a, b) => (b.bestLag !== null ? 1 : 0) - (a.bestLag !== null ? 1 : 0) || b.r - a.r,
		);
		return report;
	}

	/** Lead-lag of a weekly signal against weekly sales over their overlap (≥ 16 weeks). */
	function compare(
		signalKind: LeadLagFinding['signalKind'],
		signal: string,
		weekly: Map<number, number>,
		sales: SalesSeries,
		zeroFill: boolean,
	): LeadLagFinding | null {
		const xs: number[] = [];
		const ys: number[] = [];
		sales.ds.forEach((d, i) => {
			const w = signalWeekOf(d);
			const v = weekly.get(w);
			if (
				v !== undefined ||
				(zeroFill &&
					weekly.size > 0 &&
					w >= Math.min(...weekly.keys()) &&
					w <= Math.max(...weekly.keys()))
			) {
				xs.push(v ?? 0);
				ys.push(sales.y[i]);
			}
		});
		if (xs.length < 16) return null;
		const r = leadLag(xs, ys);
		const best = r.bestLag === null ? null : r.lags[r.bestLag];
		return {
			signalKind,
			signal,
			target: sales.name,
			bestLag: r.bestLag,
			r: best?.r ?? Math.max(...r.lags.map((l) => l.r)),
			grangerP: r.grangerP,
			lags: r.lags,
			n: r.n,
		};
	}

	/** Weekly volumes of the top topics of the stored posts (the Forecast screen's candidates)… */
	let topicSignals: WeeklySignal[] = [];
	/** …for these posts sets (postsKey); null: not computed since the posts changed. */
	let topicKey: string | null = null;

	/**
	 * The top topics' weekly volumes from the stored posts: the last Market report's when it was built on
	 * the same posts sets, else computed here from the stored posts (no report needed).
	 */
	async function postTopicSignals(): Promise<WeeklySignal[]> {
		const sets = await listSignals();
		const key = postsKey(sets);
		if (key === topicKey) return topicSignals;
		const out: WeeklySignal[] = [];
		const posts = sets.filter((x) => x.kind === 'posts');
		if (posts.length > 0) {
			const engines = await deps.engines();
			for (const s of posts) {
				const docs = (await recordsOf<PostRecord>(s.id)).map((p) => ({
					ts: p.ts,
					terms: analyzeText(p.text, engines).terms,
					hashtags: p.hashtags,
					engagement: p.likes + p.shares + p.comments,
				}));
				out.push(...topicWeekly(findTopics(docs), docs));
			}
		}
		topicSignals = out;
		topicKey = key;
		return out;
	}

	/**
	 * Signals as regressor candidates of one weekly sales series (the Forecast screen): each search
	 * term, and the top topics of the stored posts, tried and kept only when the backtest improves.
	 */
	async function weeklySignals(): Promise<WeeklySignal[]> {
		const signals: WeeklySignal[] = [];
		for (const s of (await listSignals()).filter((x) => x.kind === 'search'))
			for (const x of await recordsOf<SearchSeries>(s.id))
				signals.push({ kind: 'search', name: x.term, weekly: searchWeekly(x), zeroFill: false });
		signals.push(...(await postTopicSignals()));
		return signals;
	}

	async function fuseSignals(sales: SalesSeries, horizon: number): Promise<FusionReport> {
		return fuseCore(sales.ds, sales.y, await weeklySignals(), horizon);
	}

	/**
	 * Signals in a batch of weekly series (the batch forecast, the plan): per series, the signals whose
	 * name matches the product's first, at most `maxPerSeries` tried, the best one that improves the
	 * backtest kept (workers/data/fusion.ts fuseBatch). At most `maxSeries` series (the first ones).
	 */
	async function fuseBatch(
		series: (SalesSeries & { id: string })[],
		horizon: number,
		maxPerSeries = 3,
		maxSeries = 200,
	): Promise<BatchFusionReport> {
		return fuseBatchCore(series.slice(0, maxSeries), await weeklySignals(), horizon, maxPerSeries);
	}

	/** The new-product model (past launches, backtest, search choice), cached until the files change. */
	let newProducts: {
		model: NewProductModel;
		trends: Parameters<typeof forecastLaunch>[3];
		launches: LaunchProduct[];
	} | null = null;

	/** The shop's weekly sales per product (the main thread sends them; past launches are found in them). */
	let shopSales: ShopSales | null = null;

	/** Keeps the shop's sales for the new-product model (rebuilt when `key` changes). */
	async function setShopSales(sales: ShopSales | null): Promise<void> {
		if ((sales?.key ?? null) === (shopSales?.key ?? null)) return;
		shopSales = sales;
		newProducts = null;
	}

	async function loadNewProducts() {
		if (newProducts) return newProducts;
		const sets = await listSignals();
		const launches: LaunchProduct[] = [];
		const facts = new Map<string, CatalogFacts>();
		const upcoming: NewProductModel['upcoming'] = [];
		for (const s of sets.filter((x) => x.kind === 'catalog'))
			for (const p of await recordsOf<LaunchProduct>(launchesKey(s.id))) {
				facts.set(p.id, { launch: p.launch, attributes: p.attributes });
				if (p.curve && p.curve.some((v) => Number.isFinite(v)))
					launches.push({ ...p, curve: p.curve.map((v) => (Number.isFinite(v) ? v : 0)) });
				else
					upcoming.push({
						id: p.id,
						attributes: p.attributes,
						price: p.price ?? null,
						launch: p.launch,
					});
			}
		const searchSets: SearchSeries[][] = [];
		for (const s of sets.filter((x) => x.kind === 'search'))
			searchSets.push(await recordsOf<SearchSeries>(s.id));
		// the shop's own launches (first sale, or the catalog's launch date) from its sales
		let fromSales = 0;
		if (shopSales) {
			const have = new Set(launches.map((p) => p.id));
			const own = shopLaunches(
				shopSales.products,
				shopSales.batch,
				SHOP_LAUNCH_WEEKS,
				shopSales.dataStart,
				facts,
			).filter((p) => !have.has(p.id));
			fromSales = own.length;
			launches.push(...own);
		}
		// title words for the similarity (the text pipeline, zh or en)
		if (launches.some((p) => p.title)) {
			const engines = await deps.engines();
			for (const p of launches)
				if (p.title && (!p.terms || p.terms.length === 0))
					p.terms = analyzeText(p.title, engines).terms;
		}
		const built = buildNewProductModel(launches, upcoming, searchSets, 300, fromSales);
		newProducts = { ...built, launches };
		return newProducts;
	}

	/** The new-product form's model, or null without past launches. */
	async function newProductModel(): Promise<NewProductModel | null> {
		const m = await loadNewProducts();
		return m.model.products > 0 ? m.model : null;
	}

	/** Forecast of a product not launched yet. */
	async function forecastNewProduct(input: NewProductInput): Promise<NewProductResult> {
		const m = await loadNewProducts();
		if (m.model.products === 0)
			throw codedError('market_error_no_launches', 'No past launches with weekly sales.');
		const terms = input.title?.trim() ? analyzeText(input.title, await deps.engines()).terms : [];
		return forecastLaunch(input, m.launches, m.model, m.trends, terms);
	}

	return {
		importSignals,
		signalColumns,
		listSignals,
		deleteSignals,
		marketReport,
		newProductModel,
		forecastNewProduct,
		setShopSales,
		fuseSignals,
		fuseBatch,
	};
}

/** Fewest labelled reviews (all labels together) the Market screen trains its classifier on. */
const MIN_LABELLED_REVIEWS = 50;

/** Sentiment model (trained on labels or ratings when present), per-product sentiment and aspects. */
function reviewSentiment(
	reviews: ReviewRecord[],
	docs: string[][],
): {
	model: SentimentModelInfo | null;
	thin?: MarketReport['reviews'][number]['thin'];
	products: ProductSentiment[];
	tones: number[];
} {
	// Target: the label column, else ratings (4–5 positive, 1–2 negative, 3 left out of training).
	const hasLabel = reviews.some((r) => r.label !== '');
	const target = (r: ReviewRecord): string | null => {
		if (hasLabel) return r.label === '' ? null : r.label;
		if (r.rating === null) return null;
		return r.rating >= 4 ? 'positive' : r.rating <= 2 ? 'negative' : null;
	};
	const idx = reviews.map((_r, i) => i).filter((i) => target(reviews[i]) !== null);
	const labels = idx.map((i) => target(reviews[i])!);
	const classes = [...new Set(labels)].sort();
	let model: SentimentModelInfo | null = null;
	// Which class is "positive": 1, positive, or the class the lexicon likes most.
	let positiveClass = classes.find((c) => /^(1|positive|pos|yes|true|好评)$/i.test(c)) ?? null;
	let predictPositive: (terms: string[]) => number = (t) => (lexiconScore(t) >= 0 ? 1 : 0);
	const counts = labelCounts(labels);
	const trainable =
		idx.length >= MIN_LABELLED_REVIEWS &&
		classes.length === 2 &&
		counts.every((c) => c.n >= MIN_ROWS_PER_LABEL);
	// labels (or stars) were there but too few, or not two: say so instead of "no labels"
	const thin =
		!trainable && labels.length > 0
			? {
					target: hasLabel ? ('label' as const) : ('rating' as const),
					counts,
					min: MIN_ROWS_PER_LABEL,
					minTotal: MIN_LABELLED_REVIEWS,
				}
			: undefined;
	if (trainable) {
		const { train, test } = splitIndices(idx.length, 0.2);
		const m = trainClassifier(
			train.map((k) => docs[idx[k]]),
			train.map((k) => labels[k]),
		);
		if (positiveClass === null) {
			const mean = (c: string) => {
				const xs = idx.filter((_i, k) => labels[k] === c).map((i) => lexiconScore(docs[i]));
				return xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
			};
			positiveClass = mean(classes[0]) >= mean(classes[1]) ? classes[0] : classes[1];
		}
		const negativeClass = classes.find((c) => c !== positiveClass)!;
		const truth = test.map((k) => labels[k]);
		const s = scoreLabels(
			truth,
			test.map((k) => predict(m, docs[idx[k]]).label),
			classes,
		);
		const lex = scoreLabels(
			truth,
			test.map((k) => (lexiconScore(docs[idx[k]]) >= 0 ? positiveClass! : negativeClass)),
			classes,
		);
		const full = trainClassifier(
			labels.map((_l, k) => docs[idx[k]]),
			labels,
		);
		const pi = full.classes.indexOf(positiveClass);
		predictPositive = (t) => predictProba(full, t)[pi];
		model = {
			target: hasLabel ? 'label' : 'rating',
			trained: train.length,
			heldOut: test.length,
			accuracy: s.accuracy,
			macroF1: s.macroF1,
			lexiconAccuracy: lex.accuracy,
			lexiconMacroF1: lex.macroF1,
		};
	}
	const byProduct = new Map<string, number[]>();
	reviews.forEach((r, i) => {
		const p = r.product || '(all)';
		byProduct.set(p, [...(byProduct.get(p) ?? []), i]);
	});
	const products = [...byProduct.entries()]
		.sort((a, b) => b[1].length - a[1].length)
		.slice(0, 30)
		.map(([product, rows]): ProductSentiment => {
			const aspects = new Map<Aspect, { pos: number; neg: number }>();
			const months = new Map<number, { pos: number; n: number }>();
			let pos = 0;
			for (const i of rows) {
				const p = predictPositive(docs[i]) >= 0.5;
				if (p) pos++;
				// Aspects: each clause's aspect words take the clause's lexicon sign (else the review's).
				for (const m of aspectMentions(docs[i], p)) {
					const e = aspects.get(m.aspect) ?? { pos: 0, neg: 0 };
					if (m.positive) e.pos++;
					else e.neg++;
					aspects.set(m.aspect, e);
				}
				const ts = reviews[i].ts;
				if (ts !== null) {
					const d = new Date(ts);
					const m = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
					const e = months.get(m) ?? { pos: 0, n: 0 };
					e.n++;
					if (p) e.pos++;
					months.set(m, e);
				}
			}
			return {
				product,
				reviews: rows.length,
				positive: pos / rows.length,
				aspects: [...aspects.entries()]
					.map(([aspect, v]) => ({ aspect, ...v }))
					.sort((a, b) => b.pos + b.neg - (a.pos + a.neg)),
				timeline: [...months.entries()]
					.sort((a, b) => a[0] - b[0])
					.map(([month, v]) => ({ month, positive: v.pos / v.n, n: v.n })),
			};
		});
	// Tone of every review for the personas: +1 / −1 when the model (or lexicon) is sure, else 0.
	const tones = docs.map((d) => {
		const p = predictPositive(d);
		return p >= 0.6 ? 1 : p <= 0.4 ? -1 : 0;
	});
	return { model, ...(thin ? { thin } : {}), products, tones };
}
