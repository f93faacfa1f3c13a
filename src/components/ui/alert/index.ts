// Alert primitive barrel.
import Root from './alert.svelte';

export { Root, Root as Alert };
