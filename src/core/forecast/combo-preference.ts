// How much better a single model must backtest to be used instead of the weighted combination of the
// best three (the engine's `choose`, src/core/engine.ts). Pure and dependency-free so that the Forecast
// screen's explanation (src/views/Forecast/choice.ts) states the same margin without the engine.

/**
 * The weighted combination is chosen over the best single model unless the single model's backtest
 * MASE is lower by more than this factor (combo MASE > best MASE × COMBO_PREFERENCE).
 */
export const COMBO_PREFERENCE = 1.3;

/**
 * The factor for monthly series (m = 12) with two seasons of their own: three
 * backtest origins of 12–24 steps rank single models there more noisily than they separate them
 * (issue #11, helper "accuracy4", chosen on the validation horizons only; tests/bench/results/RESULTS.md
 * "Engine v2.4"): Australian retail every 5th, MASE V1 1.9495 → 1.9403, V2 2.0621 → 2.0370,
 * V3 2.4050 → 2.3740; all 150 series at V1 1.9003 → 1.8659. Weekly data (m = 52) keep 1.3 (M4 Weekly
 * OWA V1 0.7957 → 0.8030 at 1.6). Daily (m = 7) and quarterly (m = 4) series keep 1.3: no validation
 * data of theirs was measured.
 */
export const SEASONAL_COMBO_PREFERENCE = 1.6;

/** The preference factor for a series of n points with season length m (two seasons needed for 1.6). */
export function comboPreference(m: number, n = Infinity): number {
	return m === 12 && n >= 2 * m ? SEASONAL_COMBO_PREFERENCE : COMBO_PREFERENCE;
}
