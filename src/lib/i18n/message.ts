// Messages made on the UI side (state, views): like core's `msg` (src/core/messages.ts), but the code is
// checked against the catalog at compile time.
import type { Message, MessageParam } from '../../core/messages';
import type { MessageCode } from './catalog';

/** Builds a message whose code is a catalog key: `msg('models_done', { epochs: 12, best: 9 })`. */
export function msg(code: MessageCode, params?: Record<string, MessageParam>): Message {
	return params ? { code, params } : { code };
}
