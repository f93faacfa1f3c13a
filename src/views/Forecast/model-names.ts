// Names of the engine's methods in words a shop owner reads (catalog codes forecast_model_*), and their
// technical names for the "technical details" disclosure. A seasonal method is named by what it actually
// did: with less than a season of history, "same week last year" is really last week's value.
import type { Frequency } from '../../core/types';
import { t, type MessageCode } from '../../lib/i18n';

/** What the label needs to know about the forecast: its period and how much history it had. */
export interface ModelContext {
	freq: Frequency;
	/** Periods of history the engine saw. */
	n: number;
	/** Season length used (52 weekly, 12 monthly, 7 daily). */
	season: number;
}

/** Technical names, the same in every language (shown on demand, never as the main label). */
const TECHNICAL: Record<string, string> = {
	naive: 'Naive',
	snaive: 'Seasonal naive',
	naive2: 'Naive2',
	ma: 'Moving average',
	mean: 'Mean',
	drift: 'Random walk with drift',
	ses: 'SES',
	holt: 'Holt',
	ets: 'ETS (AICc-selected)',
	stlf: 'STL + ETS',
	theta: 'Theta',
	arima: 'auto.arima',
	regression: 'Linear regression (trend, Fourier, regressors)',
	croston: 'Croston',
	sba: 'Croston-SBA',
	tsb: 'TSB',
	adida: 'ADIDA',
	imapa: 'IMAPA',
	mstl: 'MSTL',
	pooled: 'Pooled (global) regression on scaled lags across all products',
	launch: 'Launch curve (median ratio of earlier launches at the same age)',
	decay: 'Damped geometric decay from the last value at the rate since the peak',
	recentlevel: 'Flat level of the last 8 periods (median), for short lumpy series',
	combo: 'Inverse-MASE weighted combination',
	comb: 'Equal-weight mean (the M competitions’ comb)',
	median: 'Median combination',
	mix: 'Equal-weight mix of the statistical choice and the deep model',
};

/** Catalog code of each single method's plain name. */
const CODES: Record<string, MessageCode> = {
	naive: 'forecast_model_naive',
	snaive: 'forecast_model_snaive',
	naive2: 'forecast_model_naive2',
	ma: 'forecast_model_ma',
	mean: 'forecast_model_mean',
	drift: 'forecast_model_drift',
	ses: 'forecast_model_ses',
	holt: 'forecast_model_holt',
	ets: 'forecast_model_ets',
	stlf: 'forecast_model_stlf',
	theta: 'forecast_model_theta',
	arima: 'forecast_model_arima',
	regression: 'forecast_model_regression',
	croston: 'forecast_model_croston',
	sba: 'forecast_model_sba',
	tsb: 'forecast_model_tsb',
	adida: 'forecast_model_adida',
	imapa: 'forecast_model_imapa',
	mstl: 'forecast_model_mstl',
	pooled: 'forecast_model_pooled',
	launch: 'forecast_model_launch',
	decay: 'forecast_model_decay',
	recentlevel: 'forecast_model_recentlevel',
};

/**
 * 'combo(ets,theta)' → { combiner: 'combo', members: ['ets', 'theta'] }; a single model → null. Members
 * may be combinations themselves: 'mix(combo(ets,theta),deep-mlp)' (the statistical choice + a deep model).
 */
export function parseCombination(model: string): { combiner: string; members: string[] } | null {
	const m = model.match(/^(\w+)\((.*)\)$/);
	if (!m) return null;
	const members: string[] = [];
	let depth = 0;
	let from = 0;
	for (let i = 0; i <= m[2].length; i++) {
		const c = m[2][i];
		if (c === '(') depth++;
		else if (c === ')') depth--;
		else if (i === m[2].length || (c === ',' && depth === 0)) {
			members.push(m[2].slice(from, i).trim());
			from = i + 1;
		}
	}
	return { combiner: m[1].toLowerCase(), members };
}

/**
 * The method as it behaved: seasonal naive without a full season of history repeats the last value
 * (src/core/models/naive.ts), and Naive2 without three seasons does no seasonal adjustment.
 */
export function effectiveModel(model: string, ctx?: ModelContext): string {
	const id = model.toLowerCase();
	if (!ctx || ctx.season <= 1) return id === 'snaive' || id === 'naive2' ? 'naive' : id;
	if (id === 'snaive' && ctx.n < ctx.season) return 'naive';
	if (id === 'naive2' && ctx.n < 3 * ctx.season) return 'naive';
	return id;
}

/** 'ets' → "Smoothing (level, trend and season as needed)"; 'combo(ets,theta)' → "Blend of …". */
export function modelLabel(model: string, ctx?: ModelContext): string {
	const combo = parseCombination(model);
	if (combo) {
		const names = combo.members.map((x) => modelLabel(x, ctx)).join(t('forecast_model_list_sep'));
		return t(combo.combiner === 'median' ? 'forecast_model_median' : 'forecast_model_blend', {
			names,
		});
	}
	// a model on the series with a borrowed yearly season (the engine's '~season' candidates)
	if (model.endsWith('~season'))
		return t('engine_model_borrowed_season', { model: modelLabel(model.slice(0, -7), ctx) });
	// a model on the series with its season shrunk towards the group's (the engine's '~shrunk' candidates)
	if (model.endsWith('~shrunk'))
		return t('engine_model_shrunk_season', { model: modelLabel(model.slice(0, -7), ctx) });
	// a model fitted without the level before a level shift (the engine's '~shift' candidates)
	if (model.endsWith('~shift'))
		return t('engine_model_level_shift', { model: modelLabel(model.slice(0, -6), ctx) });
	// a saved deep model of the dataset (Models tab), e.g. 'deep-mlp'
	if (model.startsWith('deep-'))
		return t('models_engine_label', {
			kind: t(`models_kind_${model.slice(5).replace('-', '_')}` as MessageCode),
		});
	const id = effectiveModel(model, ctx);
	const code = CODES[id];
	return code ? t(code, { unit: ctx?.freq ?? 'period' }) : model;
}

/** The technical name ('ETS (AICc-selected)', 'Inverse-MASE weighted combination of ETS, Theta'). */
export function technicalName(model: string): string {
	const combo = parseCombination(model);
	if (combo)
		return `${TECHNICAL[combo.combiner] ?? combo.combiner}: ${combo.members.map(technicalName).join(', ')}`;
	if (model.endsWith('~season'))
		return `${technicalName(model.slice(0, -7))} on seasonally adjusted data (borrowed season)`;
	if (model.endsWith('~shrunk'))
		return `${technicalName(model.slice(0, -7))} on seasonally adjusted data (own seasonal indices shrunk towards the group's, empirical Bayes)`;
	if (model.endsWith('~shift'))
		return `${technicalName(model.slice(0, -6))} without the level before a detected level shift`;
	if (model.startsWith('deep-'))
		return `Global deep model (${model.slice(5)}), retrained at each backtest origin`;
	return TECHNICAL[model.toLowerCase()] ?? model;
}
