// Kept for existing imports: the one CSV reader is src/core/ingest/csv.ts.
export { parseCsvLine as splitCsvLine } from './ingest/csv';
