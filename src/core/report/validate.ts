// Checks that a value read from a link or a file is a ReportDoc this version understands, field by
// field, within REPORT_LIMITS. A link is written by anyone, so nothing is trusted: unknown fields are
// dropped, strings are cut to length, and a wrong shape is refused with a coded message.
import { msg, type Message, type MessageParam } from '../messages';
import {
	REPORT_KIND,
	REPORT_LIMITS as L,
	REPORT_VERSION,
	type ReportCell,
	type ReportColumn,
	type ReportDoc,
	type ReportKpi,
	type ReportSection,
	type ReportValueKind,
} from './types';

export type ParseResult = { ok: true; doc: ReportDoc } | { ok: false; error: Message };

const KINDS: readonly ReportValueKind[] = ['text', 'count', 'units', 'money', 'percent', 'date'];

class Invalid extends Error {
	constructor(readonly where: string) {
		super(where);
	}
}

const isObj = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

function str(v: unknown, where: string): string {
	if (typeof v !== 'string') throw new Invalid(where);
	return v.slice(0, L.textChars);
}

function num(v: unknown, where: string): number {
	if (typeof v !== 'number' || !Number.isFinite(v)) throw new Invalid(where);
	return v;
}

function numOrNull(v: unknown, where: string): number | null {
	return v === null ? null : num(v, where);
}

function arr(v: unknown, max: number, where: string): unknown[] {
	if (!Array.isArray(v) || v.length > max) throw new Invalid(where);
	return v;
}

function kind(v: unknown, where: string): ReportValueKind {
	if (!KINDS.includes(v as ReportValueKind)) throw new Invalid(where);
	return v as ReportValueKind;
}

function message(v: unknown, where: string): Message {
	if (!isObj(v)) throw new Invalid(where);
	const code = str(v.code, where);
	if (!/^[a-z][a-z0-9_]{0,80}$/.test(code)) throw new Invalid(where);
	if (v.params === undefined) return { code };
	if (!isObj(v.params)) throw new Invalid(where);
	const entries = Object.entries(v.params);
	if (entries.length > L.params) throw new Invalid(where);
	const params: Record<string, MessageParam> = {};
	for (const [k, p] of entries) {
		if (!/^[A-Za-z][A-Za-z0-9_]{0,30}$/.test(k)) throw new Invalid(where);
		params[k] = typeof p === 'number' ? num(p, where) : str(p, where);
	}
	return { code, params };
}

function cell(v: unknown, where: string): ReportCell {
	if (v === null) return null;
	return typeof v === 'number' ? num(v, where) : str(v, where);
}

function section(v: unknown, i: number): ReportSection {
	const where = `sections[${i}]`;
	if (!isObj(v)) throw new Invalid(where);
	const id = str(v.id, `${where}.id`).slice(0, 60);
	const title = message(v.title, `${where}.title`);
	if (v.type === 'kpis') {
		const items: ReportKpi[] = arr(v.items, L.kpis, `${where}.items`).map((k, j) => {
			const w = `${where}.items[${j}]`;
			if (!isObj(k)) throw new Invalid(w);
			const item: ReportKpi = {
				label: message(k.label, w),
				value: numOrNull(k.value, w),
				kind: kind(k.kind, w),
			};
			if (k.note !== undefined) item.note = message(k.note, w);
			return item;
		});
		return { type: 'kpis', id, title, items };
	}
	if (v.type === 'table') {
		const columns: ReportColumn[] = arr(v.columns, L.columns, `${where}.columns`).map((c, j) => {
			if (!isObj(c)) throw new Invalid(`${where}.columns[${j}]`);
			return {
				label: message(c.label, `${where}.columns[${j}]`),
				kind: kind(c.kind, `${where}.columns[${j}]`),
			};
		});
		const rows = arr(v.rows, L.rowsPerTable, `${where}.rows`).map((r, j) => {
			const cells = arr(r, columns.length, `${where}.rows[${j}]`);
			if (cells.length !== columns.length) throw new Invalid(`${where}.rows[${j}]`);
			return cells.map((c) => cell(c, `${where}.rows[${j}]`));
		});
		const out: ReportSection = { type: 'table', id, title, columns, rows };
		if (v.note !== undefined) out.note = message(v.note, `${where}.note`);
		return out;
	}
	if (v.type === 'series') {
		const ds = arr(v.ds, L.seriesPoints, `${where}.ds`).map((d) => num(d, `${where}.ds`));
		const values = arr(v.values, L.seriesPoints, `${where}.values`).map((d) =>
			num(d, `${where}.values`),
		);
		if (ds.length !== values.length) throw new Invalid(`${where}.values`);
		return { type: 'series', id, title, ds, values, kind: kind(v.kind, `${where}.kind`) };
	}
	if (v.type === 'notes') {
		const freq = v.freq;
		if (freq !== 'day' && freq !== 'week' && freq !== 'month') throw new Invalid(`${where}.freq`);
		const items = arr(v.items, L.notes, `${where}.items`).map((m, j) =>
			message(m, `${where}.items[${j}]`),
		);
		return { type: 'notes', id, title, freq, kind: kind(v.kind, `${where}.kind`), items };
	}
	throw new Invalid(`${where}.type`);
}

/** Reads an untrusted value as a ReportDoc (a copy with only known fields), or says why not. */
export function parseReport(value: unknown): ParseResult {
	if (!isObj(value) || value.kind !== REPORT_KIND)
		return { ok: false, error: msg('report_err_not_report') };
	if (value.v !== REPORT_VERSION)
		return {
			ok: false,
			error: msg('report_err_version', {
				version: typeof value.v === 'number' ? value.v : String(value.v),
				ours: REPORT_VERSION,
			}),
		};
	try {
		const period = value.period;
		if (!isObj(period)) throw new Invalid('period');
		const doc: ReportDoc = {
			kind: REPORT_KIND,
			v: REPORT_VERSION,
			title: str(value.title, 'title'),
			createdAt: num(value.createdAt, 'createdAt'),
			dataset: str(value.dataset, 'dataset'),
			currency: str(value.currency, 'currency').slice(0, 3),
			period: { from: num(period.from, 'period.from'), to: num(period.to, 'period.to') },
			sections: arr(value.sections, L.sections, 'sections').map(section),
		};
		if (!/^[A-Z]{3}$/.test(doc.currency)) throw new Invalid('currency');
		return { ok: true, doc };
	} catch (e) {
		if (e instanceof Invalid)
			return { ok: false, error: msg('report_err_invalid', { where: e.where }) };
		throw e;
	}
}
