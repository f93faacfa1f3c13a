// Errors that carry a message code across the worker boundary. Core and workers never word a message:
// they throw `codedError(name, code, params)`, the view renders `tm({ code, params })`. Comlink's default
// "throw" handler copies only name/message/stack, so installCodedErrorTransfer() (called by the data
// worker entry) adds `code` and `params`; the main thread's default handler restores every copied field.
import { transferHandlers } from 'comlink';
import { messageOf } from '../../src/core/messages';

// The error itself lives in core (pure), so core, ml and workers make it the same way.
export { codedError, messageOf, type CodedError } from '../../src/core/messages';

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
