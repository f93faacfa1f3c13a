// Vite build for the Trendcast PWA, plus the Vitest projects (unit in Node, e2e against the built app).
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { SECURITY_HEADERS } from './src/lib/pwa/security-headers';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
	plugins: [
		svelte(),
		VitePWA({
			strategies: 'injectManifest',
			srcDir: 'workers',
			filename: 'service-worker.ts',
			registerType: 'prompt',
			injectRegister: false,
			// The icons already match globPatterns below; adding them again would list them twice.
			includeManifestIcons: false,
			manifest: {
				name: 'Trendcast',
				short_name: 'Trendcast',
				description:
					'Demand forecasting and trend spotting for small fashion shops, private and offline',
				theme_color: '#7a3e65',
				background_color: '#fbf8fa',
				display: 'standalone',
				start_url: '/',
				icons: [
					{ src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
					{ src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
					{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
				],
			},
			injectManifest: {
				// DuckDB's eh wasm is ~34 MB: the default 2 MiB precache limit would drop it (STACK-NOTES).
				maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
				// The web manifest is added by the plugin itself, so it is not globbed here.
				globPatterns: ['**/*.{js,css,html,svg,png,wasm,gz,json,bin,otf}'],
				// The README picture is not part of the app.
				globIgnores: ['**/screenshot.png'],
			},
			devOptions: { enabled: false },
		}),
	],
	resolve: {
		alias: {
			// The blocking build runs DuckDB inside our own data worker (no nested worker); the package's
			// `exports` map does not expose it under a name Vite resolves (STACK-NOTES).
			'@duckdb/duckdb-wasm/blocking': `${root}node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-blocking.mjs`,
		},
	},
	worker: { format: 'es' },
	optimizeDeps: {
		entries: ['index.html', 'workers/*.worker.ts'],
		include: ['comlink', 'dexie', '@tensorflow/tfjs'],
		exclude: ['@duckdb/duckdb-wasm'],
	},
	build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
	// The CSP as a real header (a <meta> CSP does not reach Web Workers); the service worker adds the same
	// headers to what it serves from its cache.
	preview: { port: 4173, strictPort: false, headers: { ...SECURITY_HEADERS } },
	test: {
		projects: [
			{
				// Svelte compiles the *.svelte.ts rune classes of src/state for their unit tests.
				plugins: [svelte()],
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
					environment: 'node',
					env: { TZ: 'UTC' },
					// Correctness tests, not timings: a loaded 2-core CI machine can take well over 5 s.
					testTimeout: 30_000,
					// One file per core: Vitest's default in a run is cores − 1, which is ONE worker on the
					// 2-core CI machine. The files are single-threaded CPU work (DuckDB-WASM, the engine,
					// tfjs-wasm), so two at a time take ~0.6 of the time (tests/bench/results/CI-TIME.md).
					maxWorkers: '100%',
				},
			},
			{
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					environment: 'node',
					env: { TZ: 'UTC' },
					globalSetup: ['tests/e2e/global-setup.ts'],
					testTimeout: 180_000,
					hookTimeout: 240_000,
					fileParallelism: false,
				},
			},
		],
	},
});
