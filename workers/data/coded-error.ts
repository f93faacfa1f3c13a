// Errors that carry a message code across the worker boundary. Core and workers never word a message:
// they throw `codedError(name, code, params)`, the view renders `tm({ code, params })`. Comlink's default
// "throw" handler copies only name/message/stack, so installCodedErrorTransfer() (called by the data
// worker entry) adds `code` and `params`; the main thread's default handler restores every copied field.
import { transferHandlers } from 'comlink';
import type { Message, MessageParam } from '../../src/core/messages';

/** An Error with a stable `name` (what went wrong, for code to branch on) and a message code. */
export interface CodedError extends Error {
	code: string;
	params?: Record<string, MessageParam>;
}

/**
 * Makes an Error whose `message` is only a readable trace (code and params, for logs and Node); the UI
 * shows `tm({ code, params })`.
 */
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

/** The message of a coded error, or null for any other thrown value. */
export function messageOf(e: unknown): Message | null {
	if (!e || typeof e !== 'object') return null;
	const o = e as { code?: unknown; params?: unknown };
	if (typeof o.code !== 'string' || !/^[a-z][a-z0-9_]*$/.test(o.code)) return null;
	return o.params && typeof o.params === 'object'
		? { code: o.code, params: o.params as Record<string, MessageParam> }
		: { code: o.code };
}

interface ThrownValue {
	value: unknown;
}

/** Registers a Comlink "throw" handler that keeps `code` and `params` of coded errors. */
export function installCodedErrorTransfer(): void {
	const base = transferHandlers.get('throw');
	if (!base) return;
	transferHandlers.set('throw', {
		canHandle: base.canHandle,
		serialize(thrown: unknown) {
			const { value } = thrown as ThrownValue;
			const [serialized, transferables] = base.serialize(thrown);
			const m = messageOf(value);
			const s = serialized as { isError?: boolean; value?: Record<string, unknown> };
			if (m && s.isError && s.value) {
				s.value.code = m.code;
				if (m.params) s.value.params = m.params;
			}
			return [serialized, transferables];
		},
		deserialize: base.deserialize,
	});
}
