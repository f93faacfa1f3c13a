// The market worker's fake-review job (Customers screen): reviews of every imported reviews file, the
// analyst's "fake" / "OK" marks on them (kept in IndexedDB's flagMarks, keyed by the reviews file), an
// imported label column read as fake/genuine where it says so, and the naive-Bayes classifier of
// src/core/anomaly/fake-reviews.ts trained on those labels once both kinds have enough. Terms come from
// the same zh + en text pipeline as the `classify` CLI; they are computed once per reviews file.
import {
	labelFromFile,
	learnFakeReviews,
	type FakeReviewModel,
	type ReviewLabel,
} from '../../src/core/anomaly/fake-reviews';
import type { ReviewRecord } from '../../src/core/ingest/schemas/reviews';
import type { Message } from '../../src/core/messages';
import { analyzeText, type NlpEngines } from '../../src/core/text/tokenize';
import type { TrendcastDb } from '../../src/lib/db/db';

/** One review as the Customers screen lists it. */
export interface FakeReviewRow {
	/** `${setId}:${row}`. */
	id: string;
	setId: string;
	row: number;
	product: string;
	text: string;
	/** The analyst's mark ('genuine' = marked OK); null when unmarked. */
	mark: ReviewLabel | null;
	/** The file's own label read as fake/genuine; null when none. */
	fileLabel: ReviewLabel | null;
	/** P(fake) once the model is trained. */
	p: number | null;
	why: Message | null;
}

/** The fake-review card's content. */
export interface FakeReviewReport extends Omit<FakeReviewModel, 'scores'> {
	/** Reviews in all imported reviews files. */
	reviews: number;
	/** Unmarked reviews with P(fake) ≥ 0.5. */
	flagged: number;
	/** Reviews matching the query: most likely fake first once trained, else in file order. */
	rows: FakeReviewRow[];
}

const markKey = (row: number) => `review:${row}`;

export function createFakeReviewJobs(deps: {
	db: TrendcastDb;
	engines: () => Promise<NlpEngines>;
}) {
	const termCache = new Map<string, string[][]>();

	async function report(query = '', limit = 30): Promise<FakeReviewReport> {
		const { db } = deps;
		const sets = (await db.signalSets.toArray())
			.filter((s) => s.kind === 'reviews')
			.sort((a, b) => (a.id < b.id ? -1 : 1));
		const engines = await deps.engines();
		const rows: FakeReviewRow[] = [];
		const docs: string[][] = [];
		for (const s of sets) {
			const records = ((await db.signalRecords.get(s.id))?.records ?? []) as ReviewRecord[];
			let terms = termCache.get(s.id);
			if (!terms || terms.length !== records.length) {
				terms = records.map((r) => analyzeText(r.text, engines).terms);
				termCache.set(s.id, terms);
			}
			const marks = new Map(
				(await db.flagMarks.where('datasetId').equals(s.id).toArray()).map((m) => [
					m.flagId,
					m.status,
				]),
			);
			records.forEach((r, i) => {
				const m = marks.get(markKey(r.row));
				rows.push({
					id: `${s.id}:${r.row}`,
					setId: s.id,
					row: r.row,
					product: r.product,
					text: r.text,
					mark: m === 'fake' ? 'fake' : m === 'ok' ? 'genuine' : null,
					fileLabel: labelFromFile(r.label),
					p: null,
					why: null,
				});
				docs.push(terms[i]);
			});
		}
		const model = learnFakeReviews(
			docs,
			rows.map((r) => r.mark ?? r.fileLabel),
		);
		let flagged = 0;
		if (model.trained)
			for (const s of model.scores) {
				const r = rows[s.index];
				r.p = s.p;
				r.why = s.why;
				if (r.mark === null && s.p >= 0.5) flagged++;
			}
		const q = query.trim().toLowerCase();
		const matching = q
			? rows.filter((r) => r.text.toLowerCase().includes(q) || r.product.toLowerCase() === q)
			: rows;
		const ordered = model.trained
			? [...matching].sort((a, b) => (b.p ?? 0) - (a.p ?? 0))
			: matching;
		const { scores: _scores, ...info } = model;
		return { reviews: rows.length, ...info, flagged, rows: ordered.slice(0, limit) };
	}

	/** Marks a review fake, OK (genuine) or clears the mark. */
	async function markReview(setId: string, row: number, mark: ReviewLabel | null): Promise<void> {
		const flagId = markKey(row);
		const id = `${setId}|${flagId}`;
		if (mark === null) await deps.db.flagMarks.delete(id);
		else
			await deps.db.flagMarks.put({
				id,
				datasetId: setId,
				flagId,
				status: mark === 'fake' ? 'fake' : 'ok',
				markedAt: Date.now(),
			});
	}

	return { report, markReview };
}
