// The deep model kinds, without tfjs, so the UI can list them without loading TF.js.

/** The deep model kinds (builders in models.ts). */
export const DEEP_KINDS = ['mlp', 'nbeats', 'lstm', 'lstm-dense', 'gru', 'patchtst'] as const;
export type DeepKind = (typeof DEEP_KINDS)[number];
