// Friendly names for the engine's model identifiers, for people who are not statisticians.
import type { EngineModel } from '../../core/engine';

/** Every engine model has a name here (the type makes a new model without one fail to compile). */
const NAMES: Record<EngineModel | 'mean' | 'ses' | 'holt' | 'mstl', string> = {
	naive: 'Same as last period',
	snaive: 'Same as last season',
	naive2: 'Same as last period, season-adjusted',
	ma: 'Recent average',
	mean: 'Long-run average',
	drift: 'Straight-line trend',
	ses: 'Simple smoothing',
	holt: 'Smoothing with trend',
	ets: 'Exponential smoothing (ETS)',
	stlf: 'Season split + smoothing (STL-ETS)',
	theta: 'Theta',
	arima: 'ARIMA',
	regression: 'Regression (trend, season, drivers)',
	croston: 'Croston (slow sellers)',
	sba: 'Croston–SBA (slow sellers)',
	tsb: 'TSB (slow sellers)',
	adida: 'ADIDA (slow sellers)',
	imapa: 'IMAPA (slow sellers)',
	mstl: 'Seasonal decomposition (MSTL)',
};

/** How a combination of models is described ('combo(a,b)' → 'Blend of …'). */
const COMBINERS: Record<string, string> = {
	combo: 'Blend of',
	median: 'Middle value of',
	mean: 'Average of',
};

/** 'ets' → 'Exponential smoothing (ETS)'; 'combo(ets,theta)' → 'Blend of …'. */
export function modelLabel(model: string): string {
	const m = model.match(/^(\w+)\((.*)\)$/);
	if (m) {
		const parts = m[2].split(',').map((x) => modelLabel(x.trim()));
		return `${COMBINERS[m[1].toLowerCase()] ?? m[1]} ${parts.join(', ')}`;
	}
	// a model on the series with a borrowed yearly season (the engine's '~season' candidates)
	if (model.endsWith('~season'))
		return `${modelLabel(model.slice(0, -7))} with a borrowed yearly season`;
	return (NAMES as Record<string, string>)[model.toLowerCase()] ?? model;
}
