// The pooled gate of the deep candidates for the state classes (src/state may not import src/ml):
// whether a saved deep model is mixed with the statistical choice (src/ml/candidates.ts).
export {
	checkSeriesOf,
	DEEP_MIX_GAIN,
	deepCheckCut,
	deepDecision,
	deepGate,
	deepMixes,
	deepSeriesLengths,
	forecastWithDeep,
	deepNote,
	type DeepChoice,
	type DeepDecision,
	withDeepRows,
} from '../ml/candidates';
