// JSON sales exports → records, with the failure modes named: a broken NDJSON line says which line, a
// document nested absurdly deep (a JSON bomb) or holding no records says so, and a record's fields are
// read as own properties only (a record without `constructor` must not get `function Object()`; a
// `__proto__` key is a field like any other). Pure TypeScript; the data worker turns the records into CSV.

/** Deepest nesting accepted inside a record (real exports have 2–4 levels). */
export const MAX_JSON_DEPTH = 64;

/** Why the JSON could not be used; `line` is the 1-based line of a broken NDJSON record. */
export class JsonRecordsError extends Error {
	constructor(
		readonly code: 'bad_line' | 'too_deep' | 'not_records',
		readonly line = 0,
	) {
		super(code === 'bad_line' ? `line ${line} is not valid JSON` : code);
		this.name = 'JsonRecordsError';
	}
}

/** Nesting depth of a parsed JSON value, without recursion, stopping once it passes `limit`. */
export function jsonDepth(value: unknown, limit = MAX_JSON_DEPTH): number {
	let max = 0;
	const stack: [unknown, number][] = [[value, 0]];
	while (stack.length) {
		const [v, d] = stack.pop()!;
		if (v === null || typeof v !== 'object') continue;
		const depth = d + 1;
		if (depth > max) max = depth;
		if (max > limit) return max;
		for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth]);
	}
	return max;
}

/**
 * Parses a JSON array of objects, `{ "data": [...] }` (the first array property), or NDJSON (one object per
 * line) into records. Throws JsonRecordsError.
 */
export function parseJsonRecords(text: string): Record<string, unknown>[] {
	let records: unknown;
	try {
		records = JSON.parse(text);
	} catch {
		const lines = text.split(/\r\n|\n|\r/);
		const out: unknown[] = [];
		for (let i = 0; i < lines.length; i++) {
			if (lines[i].trim() === '') continue;
			try {
				out.push(JSON.parse(lines[i]));
			} catch {
				throw new JsonRecordsError('bad_line', i + 1);
			}
		}
		records = out;
	}
	if (records && !Array.isArray(records) && typeof records === 'object') {
		const arr = Object.values(records as Record<string, unknown>).find(Array.isArray);
		records = arr ?? [records];
	}
	if (!Array.isArray(records)) throw new JsonRecordsError('not_records');
	// The depth of the whole document (a 100,000-deep [[[…]]] is one "record" that is an array).
	if (jsonDepth(records, MAX_JSON_DEPTH + 1) > MAX_JSON_DEPTH + 1)
		throw new JsonRecordsError('too_deep');
	const objects = records.filter(
		(r): r is Record<string, unknown> => r !== null && typeof r === 'object' && !Array.isArray(r),
	);
	if (objects.length === 0 || objects.length < records.length / 2)
		throw new JsonRecordsError('not_records');
	return objects;
}

/** Field names of the records in first-seen order (own keys only). */
export function recordKeys(records: readonly Record<string, unknown>[]): string[] {
	const keys: string[] = [];
	const seen = new Set<string>();
	for (const r of records)
		for (const k of Object.keys(r))
			if (!seen.has(k)) {
				seen.add(k);
				keys.push(k);
			}
	return keys;
}

/** A record's own field `key` (never an inherited one such as `constructor` or `toString`). */
export function fieldOf(record: Record<string, unknown>, key: string): unknown {
	return Object.hasOwn(record, key) ? record[key] : undefined;
}
