// The batch gate of the pooled (cross-learning) model for the state classes (src/state reaches core's
// pure helpers through src/lib): whether a batch keeps the forecasts that used the shop-wide model.
export { POOLED_GATE, pooledGate, usesPooled } from '../core/forecast/pooled-gate';
