// Errors that cross a worker boundary lose their class, so the UI only sees `name` + `message`
// (STYLE §2). These helpers normalise anything thrown into that shape and make AbortErrors. A worker
// error with a message code (workers/data/coded-error.ts) keeps it as `msg`: views show `tm(msg)`.
import type { Message, MessageParam } from '../../core/messages';

/** What the UI shows for a failed call. */
export interface UiError {
	name: string;
	message: string;
	/** The message code to show, when the worker sent one (render with `tm`). */
	msg?: Message;
}

/** `{ code, params }` carried by a thrown value, if any. */
function codeOf(o: { code?: unknown; params?: unknown }): Message | undefined {
	if (typeof o.code !== 'string' || !/^[a-z][a-z0-9_]*$/.test(o.code)) return undefined;
	return o.params && typeof o.params === 'object'
		? { code: o.code, params: o.params as Record<string, MessageParam> }
		: { code: o.code };
}

/** Any thrown value → { name, message }. */
export function toUiError(e: unknown): UiError {
	if (e && typeof e === 'object') {
		const o = e as { name?: unknown; message?: unknown; code?: unknown; params?: unknown };
		const name = typeof o.name === 'string' && o.name ? o.name : 'Error';
		const message = typeof o.message === 'string' && o.message ? o.message : String(e);
		const msg = codeOf(o);
		return msg ? { name, message, msg } : { name, message };
	}
	return { name: 'Error', message: String(e) };
}

/** True for a cancellation, whatever realm or worker it came from. */
export function isAbortError(e: unknown): boolean {
	return toUiError(e).name === 'AbortError';
}

/** The error a cancelled call rejects with. */
export function abortError(message = 'Cancelled'): Error {
	const err = new Error(message);
	err.name = 'AbortError';
	return err;
}

/** Re-throw a worker error as a plain Error with the same name and message. */
export function rethrow(e: unknown): never {
	const { name, message, msg } = toUiError(e);
	const err = new Error(message);
	err.name = name;
	if (msg) Object.assign(err, { code: msg.code, params: msg.params });
	throw err;
}
