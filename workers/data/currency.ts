// The data worker's side of currencies: reads the distinct values of a staged file's currency and
// country columns and amount columns for the pure detector (src/core/ingest/currency.ts), and edits a stored dataset's
// currency.
import {
	detectCurrency,
	isCountryHeader,
	isRegionHeader,
	isCurrencyCode,
	isCurrencyHeader,
	type CurrencyColumn,
	type CurrencyGuess,
} from '../../src/core/ingest/currency';
import type { ColumnMapping, DatasetMeta } from '../../src/core/ingest/types';
import type { TrendcastDb } from '../../src/lib/db/db';
import { announceDatasetsChanged } from '../../src/lib/db/changes';
import { codedError } from './coded-error';
import { ident } from './sql';

/** Distinct amount values read per column (symbols show on the first lines of an export). */
const AMOUNT_VALUES = 2000;

/** The currency a staged table names, or undefined. */
export function detectStagedCurrency(
	rows: (sql: string) => Record<string, unknown>[],
	table: string,
	columns: readonly string[],
	mapping: ColumnMapping,
	encoding: string,
): CurrencyGuess | undefined {
	const read: CurrencyColumn[] = [];
	for (const name of columns.filter(isCurrencyHeader)) {
		const r = rows(`SELECT ${ident(name)} AS v, count(*)::DOUBLE AS n FROM ${table}
			WHERE ${ident(name)} IS NOT NULL GROUP BY 1 ORDER BY n DESC LIMIT 50`);
		read.push({ name, values: r.map((x) => String(x.v)), counts: r.map((x) => Number(x.n)) });
	}
	// country columns: the top 5 values decide; region columns: their states and provinces are
	// counted by country, so more of them are read (a US file has ~50 states)
	const places = columns.filter(
		(c) => (isCountryHeader(c) || isRegionHeader(c)) && !isCurrencyHeader(c),
	);
	for (const name of places) {
		const limit = isCountryHeader(name) ? 5 : 100;
		const r = rows(`SELECT ${ident(name)}::VARCHAR AS v, count(*)::DOUBLE AS n FROM ${table}
			WHERE trim(${ident(name)}::VARCHAR) <> '' GROUP BY 1 ORDER BY n DESC LIMIT ${limit}`);
		const total = Number(
			rows(`SELECT count(*)::DOUBLE AS n FROM ${table}
				WHERE trim(${ident(name)}::VARCHAR) <> ''`)[0]?.n ?? 0,
		);
		read.push({
			name,
			values: r.map((x) => String(x.v)),
			counts: r.map((x) => Number(x.n)),
			total,
		});
	}
	const amountColumns = [mapping.unitPrice, mapping.revenue].filter(
		(c): c is string => c !== undefined && columns.includes(c),
	);
	for (const name of amountColumns) {
		const r = rows(`SELECT DISTINCT ${ident(name)} AS v FROM ${table}
			WHERE ${ident(name)} IS NOT NULL LIMIT ${AMOUNT_VALUES}`);
		read.push({ name, values: r.map((x) => String(x.v)) });
	}
	return detectCurrency({ columns: read, amountColumns, encoding }) ?? undefined;
}

/** Sets a stored dataset's currency (Settings, the dataset list). */
export async function setDatasetCurrency(
	db: TrendcastDb,
	datasetId: string,
	currency: string,
): Promise<DatasetMeta> {
	if (!isCurrencyCode(currency))
		throw codedError('InvalidCurrency', 'data_currency_invalid', { currency });
	let next: DatasetMeta | undefined;
	await db.transaction('rw', db.datasets, async () => {
		const meta = await db.datasets.get(datasetId);
		if (!meta) throw codedError('DatasetNotFound', 'data_dataset_gone');
		next = { ...meta, currency };
		await db.datasets.put(next);
	});
	announceDatasetsChanged(datasetId);
	return next!;
}
