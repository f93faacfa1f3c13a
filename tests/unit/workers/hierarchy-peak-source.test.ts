// Where a level's yearly peak comes from (issue #11 audit, "say in the UI where a peak came from" on
// the category / store / total levels too): a shop with under a year of weekly sales borrows its
// peak for every node's own forecast; each node's base forecast carries the engine's note saying from
// where, which the Forecast screen's levels show (here the borrowed-season Theta is the only method).
import { describe, expect, it } from 'vitest';
import { runHierarchy } from '../../../workers/forecast/hierarchy';
import { peakSourceNotes } from '../../../src/core/forecast/hierarchy-forecast';
import { msg } from '../../../src/core/messages';

const WEEK = 7 * 86_400_000;
const N = 45;

describe('the levels’ peak source', () => {
	it('comes with each node’s own forecast when it borrowed its yearly peak', async () => {
		const cells = ['hats', 'bags'].flatMap((category, c) =>
			[0, 1].map((p) => ({
				category,
				store: null,
				product: `${category}-${p}`,
				y: Float64Array.from({ length: N }, (_, t) => 20 + 5 * c + p + 3 * Math.sin(t * 1.3 + p)),
			})),
		);
		const batch = {
			ids: cells.map((c) => c.product),
			indptr: Int32Array.from({ length: cells.length + 1 }, (_, i) => i * N),
			ds: Float64Array.from(
				{ length: cells.length * N },
				(_, k) => Date.UTC(2023, 0, 2) + (k % N) * WEEK,
			),
			y: Float64Array.from(cells.flatMap((c) => Array.from(c.y))),
		};
		const res = await runHierarchy(
			{ batch, cells: cells.map(({ y: _y, ...c }) => c) },
			{ horizon: 12, season: 52, levels: [0.8], models: ['theta~season'] },
			new AbortController().signal,
			undefined,
			'week',
		);
		const total = res.nodes.findIndex((n) => n.level === 'total');
		const said = res.base[total].peakSource?.map((n) => n.code) ?? [];
		expect(said.length).toBeGreaterThan(0);
		expect(said.every((c) => /^engine_note_(peak_source|season_shrunk)_/.test(c))).toBe(true);
		// the backtest's own forecasts stay in the worker; the levels' ranges are the model ranges moved to
		// the reconciled point, widened (`calibrated`) exactly where that point differs from the own one
		expect('backtests' in res).toBe(false);
		expect(res.calibrated).toEqual(
			res.point.map((p, i) => p.some((v, t) => v !== res.base[i].point[t])),
		);
	});

	it('keeps only the notes that say where a peak came from', () => {
		const notes = [
			msg('engine_note_peak_source_profile'),
			msg('engine_note_calendar_unused'),
			msg('engine_note_season_shrunk_group', { group: 'total', own: 60 }),
		];
		expect(peakSourceNotes(notes).map((n) => n.code)).toEqual([
			'engine_note_peak_source_profile',
			'engine_note_season_shrunk_group',
		]);
	});
});
