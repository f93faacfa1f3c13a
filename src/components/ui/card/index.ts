// Card primitive barrel.
import Root from './card.svelte';

export { Root, Root as Card };
