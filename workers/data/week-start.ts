// A stored dataset's first day of the week (Settings → calendar): its weekly series, forecasts, plan,
// report and exports are bucketed again in the new weeks. The forecasts kept of the old weeks are
// deleted in the same transaction (the dataset's version changes too: src/lib/dataset-version.ts), so
// no screen shows them as current.
import type { DatasetMeta } from '../../src/core/ingest/types';
import { isWeekStart, MONDAY, type WeekStart } from '../../src/core/series/week-start';
import type { TrendcastDb } from '../../src/lib/db/db';
import { announceDatasetsChanged } from '../../src/lib/db/changes';
import { codedError } from './coded-error';
import { dropKeptForecasts } from './kept-forecasts';

/** Sets the first day of a stored dataset's weeks (0 Sunday … 6 Saturday; Monday is kept as absent). */
export async function setDatasetWeekStart(
	db: TrendcastDb,
	datasetId: string,
	weekStart: WeekStart,
): Promise<DatasetMeta> {
	if (!isWeekStart(weekStart))
		throw codedError('InvalidWeekStart', 'data_week_start_invalid', { day: String(weekStart) });
	let next: DatasetMeta | undefined;
	let changed = false;
	await db.transaction('rw', db.datasets, db.keptForecasts, async () => {
		const meta = await db.datasets.get(datasetId);
		if (!meta) throw codedError('DatasetNotFound', 'data_dataset_gone');
		const { weekStart: before, ...rest } = meta;
		next = weekStart === MONDAY ? rest : { ...rest, weekStart };
		changed = (before ?? MONDAY) !== weekStart;
		if (!changed) return;
		await db.datasets.put(next);
		await dropKeptForecasts(db, datasetId);
	});
	if (changed) announceDatasetsChanged(datasetId);
	return next!;
}
