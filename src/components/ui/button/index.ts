// Button primitive barrel (shadcn-svelte naming: Root and Button).
import Root from './button.svelte';

export { Root, Root as Button };
