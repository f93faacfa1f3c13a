// The switch of the deep models' shop inputs (issue #13), apart so the state and views read it
// (through src/lib/deep-inputs.ts) without loading the feature code.

/**
 * Whether the app and the CLI train new deep models with the shop's inputs of issue #13: the shop's
 * calendar for the holiday feature and, without a pretrained start, the make-up working day and
 * signal features (N_FEATURES). Off: measured worse on the validation horizons (helper "deepcal",
 * tests/bench/results/DEEP.md); the inputs stay available (TrainRequest.calendar / features,
 * deepBacktest's calendar / features, the bench's --shop-calendar).
 */
export const DEEP_SHOP_INPUTS = false;
