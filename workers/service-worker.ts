// Service worker (vite-plugin-pwa injectManifest): precaches the app shell, worker chunks, DuckDB's
// WASM and the demo data so Trendcast works offline after one visit; serves index.html for every
// navigation (so `/?view=…` links open offline); activates an update only when the user agrees.
/// <reference lib="webworker" />
import { setCacheNameDetails } from 'workbox-core';
import {
	addPlugins,
	cleanupOutdatedCaches,
	createHandlerBoundToURL,
	precacheAndRoute,
	type PrecacheEntry,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { withSecurityHeaders } from '../src/lib/pwa/security-headers';

declare let self: ServiceWorkerGlobalScope & {
	__WB_MANIFEST: (string | PrecacheEntry)[];
};

/** Bump when the cache layout changes; caches of other versions are deleted on activate. */
const CACHE_VERSION = 'v1';
const CACHE_PREFIX = 'trendcast';

setCacheNameDetails({ prefix: CACHE_PREFIX, suffix: CACHE_VERSION });

/** True when no older version controls pages: nothing to protect, so take control at once. */
let firstInstall = false;
/** Set when the page's "Reload" button asked this waiting worker to take over. */
let userAgreed = false;

self.addEventListener('install', () => {
	firstInstall = !self.registration.active;
});

self.addEventListener('message', (event) => {
	// Sent by workbox-window (virtual:pwa-register) when the user presses "Reload".
	if (event.data && event.data.type === 'SKIP_WAITING') {
		userAgreed = true;
		void self.skipWaiting();
	}
});

self.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			const keep = (name: string) => name.startsWith(CACHE_PREFIX) && name.endsWith(CACHE_VERSION);
			const names = await caches.keys();
			await Promise.all(
				names.filter((n) => n.startsWith(CACHE_PREFIX) && !keep(n)).map((n) => caches.delete(n)),
			);
		})(),
	);
});

// Claim open pages only on a first install or once the user agreed to the update: a silent takeover
// could run new schema code next to old tabs (STYLE §5, §6).
self.addEventListener('activate', () => {
	if (userAgreed || firstInstall) void self.clients.claim();
});

// Pages and worker scripts served from the cache carry the app's security headers even when the host
// that served the app sent none: a worker takes the CSP of its own script response, which is what
// confines DuckDB in the data worker.
addPlugins([{ handlerWillRespond: async ({ response }) => withSecurityHeaders(response) }]);
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));
