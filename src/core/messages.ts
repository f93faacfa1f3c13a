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
}

/** Builds a message: `msg('import_rows_read', { n: 28 })`. */
export function msg(code: string, params?: Record<string, MessageParam>): Message {
	return params ? { code, params } : { code };
}

/** True for a `{ code, params? }` object (e.g. when it crossed a worker boundary). */
export function isMessage(v: unknown): v is Message {
	return typeof v === 'object' && v !== null && typeof (v as { code?: unknown }).code === 'string';
}
