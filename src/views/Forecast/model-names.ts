// Friendly names for the engine's model identifiers, for people who are not statisticians.
import type { EngineModel } from '../../core/engine';
import { t, type MessageCode } from '../../lib/i18n';

/** Every engine model has a name here (the type makes a new model without one fail to compile). */
const NAMES: Record<EngineModel | 'mean' | 'ses' | 'holt' | 'mstl', MessageCode> = {
	naive: 'model_naive',
	snaive: 'model_snaive',
	naive2: 'model_naive2',
	ma: 'model_ma',
	mean: 'model_mean',
	drift: 'model_drift',
	ses: 'model_ses',
	holt: 'model_holt',
	ets: 'model_ets',
	stlf: 'model_stlf',
	theta: 'model_theta',
	arima: 'model_arima',
	regression: 'model_regression',
	croston: 'model_croston',
	sba: 'model_sba',
	tsb: 'model_tsb',
	adida: 'model_adida',
	imapa: 'model_imapa',
	mstl: 'model_mstl',
};

/** How a combination of models is described ('combo(a,b)' → 'Blend of …'). */
const COMBINERS: Record<string, MessageCode> = {
	combo: 'model_combo',
	median: 'model_median',
	mean: 'model_average',
};

/** 'ets' → 'Exponential smoothing (ETS)'; 'combo(ets,theta)' → 'Blend of …'. */
export function modelLabel(model: string): string {
	const m = model.match(/^(\w+)\((.*)\)$/);
	if (m) {
		const parts = m[2].split(',').map((x) => modelLabel(x.trim()));
		const models = parts.join(t('model_list_sep'));
		const how = COMBINERS[m[1].toLowerCase()];
		return how ? t(how, { models }) : `${m[1]} ${models}`;
	}
	// a model on the series with a borrowed yearly season (the engine's '~season' candidates)
	if (model.endsWith('~season'))
		return t('engine_model_borrowed_season', { model: modelLabel(model.slice(0, -7)) });
	const code = (NAMES as Record<string, MessageCode>)[model.toLowerCase()];
	return code ? t(code) : model;
}
