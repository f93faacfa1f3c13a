// ESLint flat config: recommended JS + typescript-eslint + svelte, prettier last (STYLE §10).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

/** An import of the top-level workers/ folder (not src/lib/workers) from anywhere in src/. */
const TOP_WORKERS = String.raw`^(\.\./)+workers/`;

/**
 * core or ml (from state and views: as types only; their pure helpers are reached through src/lib).
 * ml/kinds, the deep model kinds' names without tfjs, is the one ml module the Models screen lists
 * from. `allowed`: core modules (e.g. 'series/calendar') a listed exception may still import.
 */
function coreOrMl(allowed = []) {
	const except = allowed.length ? `(?!(${allowed.join('|')})$)` : '';
	return String.raw`(^|/)(core(/${except}|$)|ml/(?!kinds$))`;
}
const CORE_OR_ML = coreOrMl();

/** What state may not import; `allowedCore`: the core modules a listed exception still imports. */
function stateZone(files, allowedCore) {
	return zone(
		files,
		'state imports lib, and core, ml and the worker APIs as types only (pure helpers are reached through src/lib), never views or components.',
		[
			{ group: ['dexie', 'comlink', '@duckdb/*', '@tensorflow/*'] },
			{ regex: String.raw`(^|/)(views|components)(/|$)` },
			// the Dexie schema belongs to the workers; lib/db/changes (a BroadcastChannel) is fine
			{ regex: String.raw`(^|/)lib/db/db$` },
			{ regex: TOP_WORKERS, allowTypeImports: true },
			{ regex: coreOrMl(allowedCore), allowTypeImports: true },
		],
	);
}

/** One import zone: files that may not import what `patterns` match. */
function zone(files, message, patterns) {
	return {
		files,
		rules: {
			'no-restricted-imports': ['error', { patterns: patterns.map((p) => ({ ...p, message })) }],
		},
	};
}

export default ts.config(
	{ ignores: ['dist/', 'node_modules/', 'coverage/', 'dev-dist/', 'public/', 'tests/fixtures/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'@typescript-eslint/consistent-type-imports': 'error',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
			],
			'no-restricted-properties': [
				'error',
				{ object: 'it', property: 'only' },
				{ object: 'describe', property: 'only' },
				{ object: 'test', property: 'only' },
			],
		},
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
	},
	// Who imports whom (STYLE §11): arrows point down only. Each folder gets one import zone.
	zone(
		['src/core/**/*.ts'],
		'src/core is pure TypeScript: it imports only core (no DOM, storage, worker or UI).',
		[
			{ group: ['dexie', 'comlink', 'svelte', 'svelte/*', '@duckdb/*', '@tensorflow/*', 'node:*'] },
			{ regex: String.raw`(^|/)(lib|state|views|components|ml|protocol)(/|$)` },
			{ regex: TOP_WORKERS },
		],
	),
	zone(
		['workers/**/*.ts'],
		'workers import core, src/ml, lib/db (and the service worker lib/pwa) only: never UI, state or i18n.',
		[
			{ group: ['svelte', 'svelte/*'] },
			{ regex: String.raw`(^|/)(state|views|components)(/|$)` },
			{ regex: String.raw`(^|/)lib/(i18n|workers|export)(/|$)` },
		],
	),
	zone(
		['src/lib/workers/**/*.ts'],
		'worker clients see the workers, core and ml only through their protocol types.',
		[
			{ regex: TOP_WORKERS, allowTypeImports: true },
			{ regex: String.raw`(^|/)(core|ml)(/|$)`, allowTypeImports: true },
			{ regex: String.raw`(^|/)(state|views|components)(/|$)` },
			{ regex: String.raw`(^|/)lib/(db|i18n)(/|$)` },
		],
	),
	stateZone(['src/state/**/*.ts']),
	zone(
		['src/views/**/*.{ts,svelte}'],
		'views use state, components, i18n and src/lib helpers; core, ml and workers as types only (workers are reached through state).',
		[
			{ group: ['dexie', 'comlink', '@duckdb/*', '@tensorflow/*'] },
			{ regex: String.raw`(^|/)lib/(db|workers)(/|$)`, allowTypeImports: true },
			{ regex: TOP_WORKERS, allowTypeImports: true },
			{ regex: CORE_OR_ML, allowTypeImports: true },
		],
	),
	zone(
		['src/components/**/*.{ts,svelte}'],
		'components get everything through props: no app state, views or workers.',
		[
			{ group: ['dexie', 'comlink', '@duckdb/*', '@tensorflow/*'] },
			{ regex: String.raw`(^|/)(state|views)(/|$)` },
			{ regex: String.raw`(^|/)lib/(db|workers|pwa)(/|$)` },
			// the one file-download helper (charts' PNG and table CSV); other export code stays out
			{ regex: String.raw`(^|/)lib/export/(?!csv-download$)` },
			{ regex: TOP_WORKERS, allowTypeImports: true },
		],
	),
	// Workers are started only by the one worker bridge's clients (src/lib/workers/*-client.ts).
	{
		files: ['src/state/**/*.ts', 'src/views/**/*.{ts,svelte}', 'src/components/**/*.{ts,svelte}'],
		rules: {
			'no-restricted-syntax': [
				'error',
				{
					selector: 'NewExpression[callee.name=/^(Worker|SharedWorker|MessageChannel)$/]',
					message:
						'start workers and channels in src/lib/workers (the one worker bridge), not here.',
				},
			],
		},
	},
);
