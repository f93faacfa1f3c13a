// The shipped pretrained starts for the state and the views (which import no src/ml module): the
// rule lives in src/ml/pretrained-start.ts, shared with the train worker and the CLI.
export { PRETRAINED_STARTS, pretrainedStartFor } from '../ml/pretrained-start';
export type { PretrainedStart, StartChoice } from '../ml/pretrained-start';
