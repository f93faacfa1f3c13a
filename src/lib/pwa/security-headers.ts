// The HTTP security headers Trendcast is served with, in one place: `vite preview` sends them
// (vite.config.ts), the service worker adds them to every response it serves from its cache
// (workers/service-worker.ts), and the README's deployment notes copy them for nginx/Netlify/Cloudflare.
// A <meta> CSP does not reach Web Workers (a worker takes the CSP of its own script response), so the
// header is what keeps DuckDB in the data worker from fetching other origins. Pure constants, no DOM.

/**
 * No origin but the app's own: scripts and WASM from 'self', workers from 'self' (and blob: for
 * libraries that spawn inline workers), fetch/XHR/WebSocket only to 'self', and no framing.
 */
export const CONTENT_SECURITY_POLICY = [
	"default-src 'self'",
	"script-src 'self' 'wasm-unsafe-eval'",
	"worker-src 'self' blob:",
	"style-src 'self' 'unsafe-inline'",
	"img-src 'self' data: blob:",
	"connect-src 'self' data: blob:",
	"font-src 'self'",
	"object-src 'none'",
	"base-uri 'self'",
	"form-action 'none'",
	"frame-ancestors 'none'",
].join('; ');

/** Every header the app is served with. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'Content-Security-Policy': CONTENT_SECURITY_POLICY,
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'no-referrer',
	'X-Frame-Options': 'DENY',
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** A copy of `response` with SECURITY_HEADERS set (opaque responses are returned unchanged). */
export function withSecurityHeaders(response: Response): Response {
	if (response.type === 'opaque' || response.type === 'opaqueredirect') return response;
	const headers = new Headers(response.headers);
	for (const [k, v] of Object.entries(SECURITY_HEADERS)) headers.set(k, v);
	return new Response(response.body, {
		status: response.status,
		statusText: response.statusText,
		headers,
	});
}
