/// <reference types="vite-plugin-pwa/vanillajs" />
// Service-worker registration (vite-plugin-pwa, registerType 'prompt'): tracks "ready to work offline"
// and "update available", and reloads into the new version only when the user agrees (STYLE §6).
import { registerSW } from 'virtual:pwa-register';

export class PwaStatus {
	/** A new version is installed and waiting for the user's OK. */
	needRefresh = $state(false);
	/** The app shell, WASM and demo data are cached: the app works offline from now on. */
	offlineReady = $state(false);
	/** The app is cached for offline use (stays true, unlike the notice). */
	offlineCapable = $state(false);
	/** Registration failed (e.g. private mode): the app still works, but not offline. */
	error = $state<string | null>(null);

	#update: ((reloadPage?: boolean) => Promise<void>) | null = null;

	/** Register the service worker once, after the app has mounted. */
	register(): void {
		if (this.#update || !('serviceWorker' in navigator)) return;
		if (navigator.serviceWorker.controller) this.offlineCapable = true;
		this.#update = registerSW({
			immediate: true,
			onNeedRefresh: () => (this.needRefresh = true),
			onOfflineReady: () => {
				// A quiet status line at the end of the page (UpdatePrompt.svelte) that covers nothing, so
				// it can stay until the user presses OK.
				this.offlineReady = true;
				this.offlineCapable = true;
			},
			onRegisterError: (e: unknown) => {
				this.error = e instanceof Error ? e.message : String(e);
			},
		});
	}

	/** The user agreed: activate the waiting worker (it posts skip-waiting) and reload. */
	async applyUpdate(): Promise<void> {
		this.needRefresh = false;
		await this.#update?.(true);
	}

	dismiss(): void {
		this.needRefresh = false;
		this.offlineReady = false;
	}
}

/** The app's one service-worker status. */
export const pwa = new PwaStatus();
