// Segmented control barrel.
import Root from './segmented.svelte';

export { Root, Root as Segmented };
