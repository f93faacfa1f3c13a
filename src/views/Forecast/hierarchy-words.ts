// Why the reconciled hierarchy used bottom-up or MinT-shrink, in words (the backtest's scores), for
// the Forecast screen's levels and its Product level.
import type { ReconcileChoice } from '../../core/forecast/hierarchy-forecast';
import type { Frequency } from '../../core/types';
import { periodName } from '../../lib/format';
import { t } from '../../lib/i18n';

export function reconcileWhy(c: ReconcileChoice | null, freq: Frequency): string {
	const f3 = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '–');
	if (!c) return t('hierarchy_why_short');
	if (!Number.isFinite(c.mintShrink)) return t('hierarchy_why_mint_failed', { bu: f3(c.bottomUp) });
	return t('hierarchy_why', {
		h: c.horizon,
		unit: periodName(freq, true),
		bu: f3(c.bottomUp),
		mint: f3(c.mintShrink),
		base: f3(c.base),
		n: c.scored,
	});
}
