// Share by link: a report survives encode → link → decode unchanged (plain and encrypted), and every
// broken link says precisely what is wrong (cut short, changed, wrong passphrase, newer version).
import { describe, expect, it } from 'vitest';
import { buildReport, type ReportInput } from '../../../src/core/report/build';
import { parseReport } from '../../../src/core/report/validate';
import type { ReportNotesSection } from '../../../src/core/report/types';
import { REPORT_LIMITS } from '../../../src/core/report/types';
import {
	decodeReport,
	encodeReport,
	fromBase64Url,
	isEncrypted,
	MAX_LINK_CHARS,
	PBKDF2_ITERATIONS,
	payloadFromFile,
	payloadFromText,
	payloadTextFromHash,
	shareReport,
	toBase64Url,
} from '../../../src/lib/share/codec';
import { en, zhCN } from '../../../src/lib/i18n/catalog';

function input(products = 30): ReportInput {
	return {
		title: 'Weekly report 周报',
		dataset: 'Online Retail 2011',
		currency: 'GBP',
		period: { from: Date.UTC(2010, 11, 1), to: Date.UTC(2011, 11, 9) },
		createdAt: Date.UTC(2026, 11, 6, 9, 30),
		products: Array.from({ length: products }, (_, i) => ({
			productId: `P${1000 + i}`,
			description: i % 3 === 0 ? `连衣裙 ${i}` : `WHITE HANGING HEART ${i}`,
			units: 1000 - i * 7,
			revenue: 5000.5 - i * 31.25,
			orders: 300 - i,
		})),
		forecast: {
			freq: 'week',
			horizon: 12,
			rows: [
				{ productId: 'P1000', description: 'a', total: 120.4, next: 10.2, mase: 0.81 },
				{ productId: 'P1001', description: 'b', total: 80, next: 6.7, mase: NaN },
			],
		},
		reorders: [
			{
				productId: 'P1000',
				description: 'a',
				supplier: 'Acme',
				onHand: 3,
				reorderPoint: 41.5,
				orderQty: 48,
				daysOfCover: 2.4,
				unitCost: 1.5,
			},
			{
				productId: 'P1002',
				description: 'c',
				supplier: '',
				onHand: 500,
				reorderPoint: 20,
				orderQty: 0,
				daysOfCover: 300,
				unitCost: null,
			},
		],
		series: { freq: 'week', ds: [1, 2, 3], values: [10, 12.345, 9] },
	};
}

const ITER = 200_000;

describe('buildReport', () => {
	it('leaves out a description column that only repeats the product (a Tmall export keyed by its title)', () => {
		// walkthrough 2026-12-07: the report of a 宝贝标题-keyed file had an empty 描述 column
		const base = input(3);
		const doc = buildReport({
			...base,
			products: base.products.map((p) => ({ ...p, description: '' })),
			forecast: {
				...base.forecast!,
				rows: base.forecast!.rows.map((r) => ({ ...r, description: r.productId })),
			},
		});
		const tables = doc.sections.filter((s) => s.type === 'table');
		const top = tables.find((s) => s.id === 'top_products')!;
		expect(top.columns.map((c) => c.label.code)).not.toContain('report_col_description');
		expect(top.rows[0]).toHaveLength(top.columns.length);
		expect(top.rows[0][0]).toBe('P1000');
		const fc = tables.find((s) => s.id === 'forecast')!;
		expect(fc.columns.map((c) => c.label.code)).not.toContain('report_col_description');
		// the reorders still have their own descriptions ('a', 'c'): kept
		const re = tables.find((s) => s.id === 'reorders')!;
		expect(re.columns[1].label.code).toBe('report_col_description');
	});

	it('keeps aggregates only: totals over all products, the top N, plan orders > 0', () => {
		const doc = buildReport(input());
		const summary = doc.sections.find((s) => s.id === 'summary');
		expect(summary?.type).toBe('kpis');
		if (summary?.type !== 'kpis') return;
		const revenue = summary.items.find((k) => k.label.code === 'report_kpi_revenue')?.value;
		const want = input().products.reduce((a, p) => a + p.revenue, 0);
		expect(revenue).toBeCloseTo(want, 2);
		expect(summary.items.find((k) => k.label.code === 'report_kpi_reorders')?.value).toBe(1);
		expect(summary.items.find((k) => k.label.code === 'report_kpi_order_value')?.value).toBe(72);
		const top = doc.sections.find((s) => s.id === 'top_products');
		expect(top?.type === 'table' && top.rows.length).toBe(10);
		const re = doc.sections.find((s) => s.id === 'reorders');
		expect(re?.type === 'table' && re.rows.map((r) => r[0])).toEqual(['P1000']);
		// A forecast without a backtest score has an empty cell, not NaN (JSON has no NaN).
		const fc = doc.sections.find((s) => s.id === 'forecast');
		expect(fc?.type === 'table' && fc.rows[1][4]).toBe(null);
		expect(parseReport(JSON.parse(JSON.stringify(doc)))).toEqual({ ok: true, doc });
	});

	it('says the order value is unknown when no order has a unit cost (was £0.00), a lower bound when some lack one', () => {
		const kpi = (doc: ReturnType<typeof buildReport>) => {
			const s = doc.sections[0];
			return s.type === 'kpis'
				? s.items.find((k) => k.label.code === 'report_kpi_order_value')
				: undefined;
		};
		const noCost = input();
		noCost.reorders = (noCost.reorders ?? []).map((r) => ({ ...r, unitCost: null }));
		const unknown = buildReport(noCost);
		expect(kpi(unknown)).toEqual({
			label: { code: 'report_kpi_order_value' },
			value: null,
			kind: 'money',
			note: { code: 'report_kpi_order_value_unknown' },
		});
		// it survives a shared link, and reads as unknown in both languages
		expect(parseReport(JSON.parse(JSON.stringify(unknown)))).toEqual({ ok: true, doc: unknown });
		expect(en.report_kpi_order_value_unknown).toMatch(/^Cost unknown/);
		expect(zhCN.report_kpi_order_value_unknown).toMatch(/^成本未知/);
		// one of two orders without a cost: the known part, said to be a lower bound
		const some = input();
		some.reorders = [
			...(some.reorders ?? []),
			{ ...(some.reorders ?? [])[0], productId: 'P1003', unitCost: null },
		];
		expect(kpi(buildReport(some))).toMatchObject({
			value: 72,
			note: { code: 'report_kpi_order_value_partial', params: { n: 1 } },
		});
		// every cost known: the value, no note
		expect(kpi(buildReport(input()))?.note).toBeUndefined();
	});

	it('lists at most 25 reorders, the most urgent first, and says how many there are', () => {
		const many = input();
		many.reorders = Array.from({ length: 60 }, (_, i) => ({
			productId: `R${i}`,
			description: '',
			supplier: '',
			onHand: 0,
			reorderPoint: 10,
			orderQty: 5,
			daysOfCover: 60 - i,
			unitCost: 1,
		}));
		const doc = buildReport(many);
		const re = doc.sections.find((s) => s.id === 'reorders');
		expect(re?.type).toBe('table');
		if (re?.type !== 'table') return;
		expect(re.rows).toHaveLength(25);
		expect(re.rows[0][0]).toBe('R59');
		expect(re.note).toEqual({ code: 'report_reorders_shown', params: { shown: 25, total: 60 } });
		const summary = doc.sections[0];
		expect(
			summary.type === 'kpis' &&
				summary.items.find((k) => k.label.code === 'report_kpi_reorders')?.value,
		).toBe(60);
	});

	it('carries a plain-word notes section through a link, and refuses a malformed one', () => {
		const notes: ReportNotesSection = {
			type: 'notes',
			id: 'forecast_explained',
			title: { code: 'report_sec_explain', params: { product: 'P1', description: 'Dress' } },
			freq: 'week',
			kind: 'units',
			items: [
				{ code: 'home_decomp_trend_up', params: { n: 12, pct: 8 } },
				{
					code: 'home_decomp_event_up_ahead',
					params: { event: 'double11', pct: 40, range: 9, ahead: 3 },
				},
			],
		};
		const doc = buildReport({ ...input(), extra: [notes] });
		expect(parseReport(JSON.parse(JSON.stringify(doc)))).toEqual({ ok: true, doc });
		for (const bad of [
			{ ...notes, freq: 'year' },
			{ ...notes, items: Array(25).fill(notes.items[0]) },
			{ ...notes, items: [{ code: 'Not A Code' }] },
		]) {
			const r = parseReport(JSON.parse(JSON.stringify({ ...doc, sections: [bad] })));
			expect(r.ok).toBe(false);
		}
	});

	it('every message code it writes is in both catalogs', () => {
		const doc = buildReport(input());
		const codes = JSON.stringify(doc).match(/"code":"([a-z0-9_]+)"/g) ?? [];
		expect(codes.length).toBeGreaterThan(20);
		for (const c of codes) {
			const code = c.slice(8, -1);
			expect(code in en, code).toBe(true);
			expect(code in zhCN, code).toBe(true);
		}
	});
});

describe('share codec', () => {
	it('round-trips a report through a link, unchanged', async () => {
		const doc = buildReport(input());
		const link = await shareReport(doc, 'https://shop.example/app/?lang=en#old');
		expect(link.url).toMatch(/^https:\/\/shop\.example\/app\/\?lang=en#r=[A-Za-z0-9_-]+$/);
		expect(link.url!.length).toBeLessThanOrEqual(MAX_LINK_CHARS);
		const text = payloadTextFromHash(new URL(link.url!).hash);
		const bytes = payloadFromText(text!);
		expect(bytes).toBeInstanceOf(Uint8Array);
		const back = await decodeReport(bytes as Uint8Array);
		expect(back).toEqual({ ok: true, doc, encrypted: false });
		// Compressed: the link is much shorter than the JSON would be in base64.
		expect(link.length).toBeLessThan((JSON.stringify(doc).length * 4) / 3 / 2);
	});

	it('base64url round-trips every byte value', () => {
		const all = Uint8Array.from({ length: 256 * 3 + 1 }, (_, i) => (i * 7) % 256);
		expect(fromBase64Url(toBase64Url(all))).toEqual(all);
		expect(fromBase64Url('ab+c')).toBe(null);
		// A dangling last character (a cut-short link) is dropped.
		expect(fromBase64Url('AAAAA')).toEqual(new Uint8Array(3));
	});

	it('encrypts with a passphrase: unreadable without it, a wrong one is named', async () => {
		const doc = buildReport(input());
		const payload = await encodeReport(doc, 'rosé 秘密', ITER);
		expect(isEncrypted(payload)).toBe(true);
		// Nothing of the report is visible in the encrypted bytes.
		const raw = new TextDecoder('latin1').decode(payload);
		expect(raw).not.toMatch(/P1000|Online Retail/);
		expect(await decodeReport(payload)).toMatchObject({
			ok: false,
			needsPassphrase: true,
			error: { code: 'share_err_need_passphrase' },
		});
		expect(await decodeReport(payload, 'rose 秘密')).toMatchObject({
			ok: false,
			needsPassphrase: true,
			error: { code: 'share_err_passphrase' },
		});
		expect(await decodeReport(payload, 'rosé 秘密')).toEqual({ ok: true, doc, encrypted: true });
		// The same passphrase typed as decomposed Unicode (e + combining accent) also opens it.
		expect((await decodeReport(payload, 'rose\u0301 秘密')).ok).toBe(true);
		// Two links of the same report differ (random salt and IV).
		const again = await encodeReport(doc, 'rosé 秘密', ITER);
		expect(toBase64Url(again)).not.toBe(toBase64Url(payload));
	});

	it('uses at least 200,000 PBKDF2 rounds by default and stores them in the link', async () => {
		expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(200_000);
		const payload = await encodeReport(buildReport(input(3)), 'pw');
		expect(new DataView(payload.buffer).getUint32(14)).toBe(PBKDF2_ITERATIONS);
	});

	it('names a cut-short link, a changed link and an unknown version', async () => {
		const payload = await encodeReport(buildReport(input()));
		const text = toBase64Url(payload);
		for (const n of [40, 41, 42, 43]) {
			const cut = text.slice(0, text.length - n);
			const bytes = payloadFromText(cut) as Uint8Array;
			expect(await decodeReport(bytes)).toMatchObject({ error: { code: 'share_err_truncated' } });
		}
		// One character changed in the middle.
		const i = Math.floor(text.length / 2);
		const changed = text.slice(0, i) + (text[i] === 'A' ? 'B' : 'A') + text.slice(i + 1);
		expect(await decodeReport(payloadFromText(changed) as Uint8Array)).toMatchObject({
			error: { code: 'share_err_tampered' },
		});
		// Bytes appended.
		expect(await decodeReport(payloadFromText(text + 'AAAA') as Uint8Array)).toMatchObject({
			error: { code: 'share_err_tampered' },
		});
		// Not base64url at all.
		expect(payloadFromText('%%%')).toEqual({ code: 'share_err_tampered' });
		expect(payloadFromText('')).toEqual({ code: 'share_err_empty' });
		// A newer format version.
		const newer = payload.slice();
		newer[0] = 9;
		expect(await decodeReport(newer)).toMatchObject({
			error: { code: 'share_err_version', params: { version: 9, ours: 1 } },
		});
	});

	it('names a changed encrypted link apart from a wrong passphrase', async () => {
		const payload = await encodeReport(buildReport(input(5)), 'pw', ITER);
		const changed = payload.slice();
		changed[changed.length - 3] ^= 0x40;
		expect(await decodeReport(changed, 'pw')).toMatchObject({
			error: { code: 'share_err_tampered' },
		});
	});

	it('refuses a valid link whose report is of a newer version or malformed', async () => {
		const doc = buildReport(input(3));
		const newer = await encodeReport({ ...doc, v: 2 as 1 });
		expect(await decodeReport(newer)).toMatchObject({
			error: { code: 'report_err_version', params: { version: 2, ours: 1 } },
		});
		const bad = await encodeReport({ ...doc, sections: [{ type: 'table' }] } as never);
		expect(await decodeReport(bad)).toMatchObject({ error: { code: 'report_err_invalid' } });
		const notReport = await encodeReport({ hello: 1 } as never);
		expect(await decodeReport(notReport)).toMatchObject({
			error: { code: 'report_err_not_report' },
		});
	});

	it('drops fields a link may smuggle in and rejects HTML-like codes', () => {
		const doc = buildReport(input(3));
		const extra = JSON.parse(JSON.stringify(doc));
		extra.script = '<script>alert(1)</script>';
		extra.sections[0].onclick = 'x';
		const parsed = parseReport(extra);
		expect(parsed).toEqual({ ok: true, doc });
		const badCode = JSON.parse(JSON.stringify(doc));
		badCode.sections[0].title.code = '<b>x</b>';
		expect(parseReport(badCode)).toMatchObject({
			ok: false,
			error: { code: 'report_err_invalid' },
		});
		const tooMany = JSON.parse(JSON.stringify(doc));
		tooMany.sections = Array.from({ length: REPORT_LIMITS.sections + 1 }, () => doc.sections[0]);
		expect(parseReport(tooMany).ok).toBe(false);
	});

	it('offers a file instead of a link that chat apps would cut, and the file opens the same', async () => {
		// Random-looking descriptions do not compress: 400 top products make a link far over the limit.
		const big = input(400);
		let seed = 7;
		for (const p of big.products) {
			seed = (seed * 1103515245 + 12345) % 2 ** 31;
			p.description = `${p.description} ${seed.toString(36)}${(seed * 31).toString(36)}`;
		}
		const doc = buildReport({ ...big, topN: 400, maxRows: 400 });
		const link = await shareReport(doc, 'https://shop.example/');
		expect(link.url).toBe(null);
		expect(link.length).toBeGreaterThan(MAX_LINK_CHARS);
		const payload = payloadFromFile(link.file);
		expect(payload).toBeInstanceOf(Uint8Array);
		expect(await decodeReport(payload as Uint8Array)).toEqual({ ok: true, doc, encrypted: false });
		expect(payloadFromFile(new TextEncoder().encode('{"not":"a report"}'))).toEqual({
			code: 'share_err_not_file',
		});
		// A small report still gets its link.
		expect((await shareReport(buildReport(input(3)), 'https://shop.example/')).url).not.toBe(null);
	});

	it('refuses a link that inflates beyond the size a report can have', async () => {
		// A valid header around deflate data of 10 MB of spaces (compresses to ~10 KB).
		const huge = new TextEncoder().encode(' '.repeat(10 * 1024 * 1024));
		const cs = new Blob([huge]).stream().pipeThrough(new CompressionStream('deflate-raw'));
		const body = new Uint8Array(await new Response(cs).arrayBuffer());
		const payload = new Uint8Array(14 + body.length);
		payload[0] = 1;
		new DataView(payload.buffer).setUint32(2, body.length);
		const sum = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
		payload.set(sum.slice(0, 8), 6);
		payload.set(body, 14);
		expect(await decodeReport(payload)).toMatchObject({ error: { code: 'share_err_too_big' } });
	});
});
