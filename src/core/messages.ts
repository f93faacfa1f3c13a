// Messages as codes: core and the workers never produce user-facing words. They say what happened as
// `{ code, params }`; only views turn a code into English or Chinese through the i18n catalog
// (src/lib/i18n). Codes are snake_case identifiers prefixed by area, e.g. `engine_note_intermittent`.

/** A value a message can carry; numbers are formatted for the reader's locale by the view. */
export type MessageParam = string | number;

/** Something core or a worker wants to tell the user, in no language yet. */
export interface Message {
	/** Catalog key (snake_case, area prefix). */
	code: string;
	/** Values the sentence needs, by name. */
	params?: Record<string, MessageParam>;
	/**
	 * Raw technical text behind the message (e.g. a library's own error), for a details / debug view
	 * only: never translated, never parsed, never the sentence itself.
	 */
	detail?: string;
}

/** Builds a message: `msg('import_rows_read', { n: 28 })`. */
export function msg(code: string, params?: Record<string, MessageParam>): Message {
	return params ? { code, params } : { code };
}

/** True for a `{ code, params? }` object (e.g. when it crossed a worker boundary). */
export function isMessage(v: unknown): v is Message {
	return typeof v === 'object' && v !== null && typeof (v as { code?: unknown }).code === 'string';
}

/**
 * An Error that says what went wrong as a message code: `name` is what callers branch on
 * ('AbortError', 'WorkerError', …), `code` + `params` what the view words. Its `message` is only a
 * readable trace for logs and Node (never shown, never parsed).
 */
export interface CodedError extends Error {
	code: string;
	params?: Record<string, MessageParam>;
}

/** Makes a CodedError (workers/data/coded-error.ts carries it across Comlink with its code). */
export function codedError(
	name: string,
	code: string,
	params?: Record<string, MessageParam>,
): CodedError {
	const err = new Error(params ? `${code} ${JSON.stringify(params)}` : code) as CodedError;
	err.name = name;
	err.code = code;
	if (params) err.params = params;
	return err;
}

/** The one way core, ml and workers say "cancelled": an AbortError with the job's message code. */
export function cancelledError(code: string): CodedError {
	return codedError('AbortError', code);
}

/** The message a thrown value carries as `{ code, params }`, or null for any other value. */
export function messageOf(e: unknown): Message | null {
	if (!e || typeof e !== 'object') return null;
	const o = e as { code?: unknown; params?: unknown };
	if (typeof o.code !== 'string' || !/^[a-z][a-z0-9_]*$/.test(o.code)) return null;
	return o.params && typeof o.params === 'object'
		? { code: o.code, params: o.params as Record<string, MessageParam> }
		: { code: o.code };
}
