// Combobox barrel.
import Root from './combobox.svelte';

export { Root, Root as Combobox };
export type { ComboboxOption } from './types';
