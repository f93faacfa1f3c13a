// ReportState: the report worker as the views see it — PDFs (report and purchase orders) and the reports
// kept from links or files. Every call answers an Outcome, so a view shows a worker error as words
// (te) instead of catching exceptions.
import type { ReportDoc } from '../core/report/types';
import { toUiError, type UiError } from '../lib/workers/errors';
import type { PdfRequest, ReportClient, SavedReport } from '../lib/workers/report-client';

export type { UiError };
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: UiError };

export class ReportState {
	/** Reports kept on this device, newest first. */
	kept = $state.raw<SavedReport[]>([]);

	#client: ReportClient;

	constructor(client: ReportClient) {
		this.#client = client;
	}

	async #try<T>(fn: () => Promise<T>): Promise<Outcome<T>> {
		try {
			return { ok: true, value: await fn() };
		} catch (e) {
			return { ok: false, error: toUiError(e) };
		}
	}

	/** The PDF of a worded report or purchase order. */
	pdf(req: PdfRequest): Promise<Outcome<Blob>> {
		return this.#try(() => this.#client.pdf(req));
	}

	/** The characters of `req` the PDF's font cannot draw: the view names them beside the PDF. */
	missingGlyphs(req: PdfRequest): Promise<Outcome<string[]>> {
		return this.#try(() => this.#client.missingGlyphs(req));
	}

	async refreshKept(): Promise<Outcome<SavedReport[]>> {
		const r = await this.#try(() => this.#client.list());
		if (r.ok) this.kept = r.value;
		return r;
	}

	async keep(doc: ReportDoc): Promise<Outcome<SavedReport>> {
		const r = await this.#try(() => this.#client.save(doc));
		if (r.ok) await this.refreshKept();
		return r;
	}

	get(id: string): Promise<Outcome<ReportDoc | null>> {
		return this.#try(() => this.#client.get(id));
	}

	async remove(id: string): Promise<Outcome<void>> {
		const r = await this.#try(() => this.#client.remove(id));
		await this.refreshKept();
		return r;
	}
}
