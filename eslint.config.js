// ESLint flat config: recommended JS + typescript-eslint + svelte, prettier last (STYLE §10).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

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
	{
		files: ['src/core/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: [
								'dexie',
								'comlink',
								'svelte',
								'svelte/*',
								'@duckdb/*',
								'**/lib/**',
								'**/state/**',
								'**/views/**',
								'node:*',
							],
							message: 'src/core is pure TypeScript: no DOM, storage, worker or UI imports.',
						},
					],
				},
			],
		},
	},
);
