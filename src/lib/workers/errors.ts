// Errors that cross a worker boundary lose their class, so the UI only sees `name` + `message`
// (STYLE §2). These helpers normalise anything thrown into that shape and make AbortErrors. A worker
// error made by `messageError` (src/core/messages.ts) also carries a message code the view translates.
import { messageOfError, type MessageParam } from '../../core/messages';

/** What the UI shows for a failed call: `code`/`params` when the worker said it as a message code. */
export interface UiError {
	name: string;
	message: string;
	code?: string;
	params?: Record<string, MessageParam>;
}

/** Any thrown value → { name, message, code? }. */
export function toUiError(e: unknown): UiError {
	if (e && typeof e === 'object') {
		const o = e as { name?: unknown; message?: unknown };
		const name = typeof o.name === 'string' && o.name ? o.name : 'Error';
		const message = typeof o.message === 'string' && o.message ? o.message : String(e);
		const coded = messageOfError(message);
		return coded ? { name, message, code: coded.code, params: coded.params } : { name, message };
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
	const { name, message } = toUiError(e);
	const err = new Error(message);
	err.name = name;
	throw err;
}
