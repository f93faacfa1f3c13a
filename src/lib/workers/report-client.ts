// Main-thread client of the report worker (workers/report-api.ts): PDFs and kept reports. Started on
// first use through the one worker bridge, ended after a minute idle.
import type { ReportDoc } from '../../core/report/types';
import type { PdfRequest, ReportWorkerApi, SavedReport } from '../../../workers/report-api';
import { WorkerBridge } from './bridge';

export type { PdfBlock, PdfRequest, SavedReport } from '../../../workers/report-api';

export class ReportClient {
	#bridge = new WorkerBridge<ReportWorkerApi>({
		start: () =>
			new Worker(new URL('../../../workers/report.worker.ts', import.meta.url), {
				type: 'module',
				name: 'report',
			}),
		idleMs: 60_000,
	});

	/** The PDF of a worded report or purchase order. */
	async pdf(req: PdfRequest): Promise<Blob> {
		const bytes = await this.#bridge.call((api) => api.pdf(req));
		return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' });
	}

	/** The characters of `req` the PDF's font cannot draw (shown as blanks in the PDF). */
	missingGlyphs(req: PdfRequest): Promise<string[]> {
		return this.#bridge.call((api) => api.missingGlyphs(req));
	}

	save(doc: ReportDoc): Promise<SavedReport> {
		return this.#bridge.call((api) => api.saveReport(doc));
	}

	list(): Promise<SavedReport[]> {
		return this.#bridge.call((api) => api.listReports());
	}

	get(id: string): Promise<ReportDoc | null> {
		return this.#bridge.call((api) => api.getReport(id));
	}

	remove(id: string): Promise<void> {
		return this.#bridge.call((api) => api.deleteReport(id));
	}
}

/** The one report client of the app. */
export const reportClient = new ReportClient();
