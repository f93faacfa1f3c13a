// Keyboard behaviour of an inline confirmation ("Delete this? Delete / Keep"), the app's only kind of
// dialog: when it appears the focus moves into it (to the element marked data-autofocus, else its
// first button), Escape cancels it, and when it goes away the focus returns to the control that opened
// it (found again with `opener`, since that control is usually re-rendered) or, if that is gone too
// (the item was deleted), to `fallback`. Used as a Svelte attachment: {@attach confirmFocus(...)}.
import type { Attachment } from 'svelte/attachments';

export interface ConfirmFocusOptions {
	/** Closes the confirmation without acting (what Escape does). */
	cancel: () => void;
	/** The control that opened it, looked up once the confirmation is gone. */
	opener: () => HTMLElement | null;
	/** Where the focus goes when the opener no longer exists. */
	fallback?: () => HTMLElement | null;
}

export function confirmFocus(opts: ConfirmFocusOptions): Attachment<HTMLElement> {
	return (node) => {
		const target =
			node.querySelector<HTMLElement>('[data-autofocus]') ??
			node.querySelector<HTMLElement>('button');
		target?.focus();
		const onKey = (e: KeyboardEvent) => {
			if (e.key !== 'Escape') return;
			e.preventDefault();
			e.stopPropagation();
			opts.cancel();
		};
		node.addEventListener('keydown', onKey);
		return () => {
			node.removeEventListener('keydown', onKey);
			// the focus was inside (or was dropped to <body> when the node left the page): give it back
			const active = document.activeElement;
			if (active && active !== document.body && !node.contains(active)) return;
			// after the update that removed the confirmation has put the opener back
			requestAnimationFrame(() => {
				const el = opts.opener() ?? opts.fallback?.() ?? null;
				el?.focus();
			});
		};
	};
}
