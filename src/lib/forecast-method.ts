// The app's forecast methods as engine options for the state classes (src/state reaches core's pure
// helpers through src/lib): 'quick' (seasonal naive + ETS) or 'auto' (the engine chooses).
export { methodOptions } from '../core/forecast/quick';
