// The headers the app is served with: a CSP that allows no other origin and no framing, and the service
// worker's wrapper that puts them on responses it serves from its cache (a worker takes the CSP of its
// own script response, so this is what confines the data worker on hosts that send no header).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	CONTENT_SECURITY_POLICY,
	SECURITY_HEADERS,
	withSecurityHeaders,
} from '../../../src/lib/pwa/security-headers';

describe('security headers', () => {
	it('allow only the app origin and forbid framing', () => {
		const dirs = new Map(
			CONTENT_SECURITY_POLICY.split(';').map((d) => {
				const [k, ...v] = d.trim().split(/\s+/);
				return [k, v] as const;
			}),
		);
		expect(dirs.get('default-src')).toEqual(["'self'"]);
		expect(dirs.get('connect-src')).toEqual(["'self'", 'data:', 'blob:']);
		expect(dirs.get('frame-ancestors')).toEqual(["'none'"]);
		expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|'unsafe-eval'/);
	});

	it('are added to a bare response, keeping its body and status', async () => {
		const bare = new Response('console.log(1)', {
			status: 200,
			headers: { 'Content-Type': 'text/javascript' },
		});
		const res = withSecurityHeaders(bare);
		expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('content-type')).toBe('text/javascript');
		expect(res.status).toBe(200);
		expect(await res.text()).toBe('console.log(1)');
		for (const [k, v] of Object.entries(SECURITY_HEADERS)) expect(res.headers.get(k)).toBe(v);
	});
});

describe('public/_headers (Netlify, Cloudflare Pages)', () => {
	it('sends exactly the app headers', () => {
		const text = readFileSync(join(__dirname, '../../../public/_headers'), 'utf8');
		const lines = text.split('\n').filter((l) => l.trim() !== '');
		expect(lines[0]).toBe('/*');
		const sent = Object.fromEntries(
			lines.slice(1).map((l) => {
				const i = l.indexOf(':');
				return [l.slice(0, i).trim(), l.slice(i + 1).trim()];
			}),
		);
		expect(sent).toEqual(SECURITY_HEADERS);
	});
});
