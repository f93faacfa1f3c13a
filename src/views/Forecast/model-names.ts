// Friendly names for the engine's model identifiers, for people who are not statisticians.

const NAMES: Record<string, string> = {
	naive: 'Same as last period',
	snaive: 'Same as last season',
	mean: 'Long-run average',
	drift: 'Straight-line trend',
	ses: 'Simple smoothing',
	holt: 'Smoothing with trend',
	ets: 'Exponential smoothing (ETS)',
	theta: 'Theta',
	arima: 'ARIMA',
	croston: 'Croston (slow sellers)',
	sba: 'Croston–SBA (slow sellers)',
	tsb: 'TSB (slow sellers)',
	mstl: 'Seasonal decomposition (MSTL)',
};

/** 'ets' → 'Exponential smoothing (ETS)'; 'combo(ets,theta)' → 'Blend of …'. */
export function modelLabel(model: string): string {
	const combo = model.match(/^combo\((.*)\)$/);
	if (combo)
		return `Blend of ${combo[1]
			.split(',')
			.map((m) => modelLabel(m.trim()))
			.join(', ')}`;
	return NAMES[model.toLowerCase()] ?? model;
}
