// Start-up: mount the Svelte app, then register the service worker (after mount so it never delays
// the first paint). Errors outside components are caught by App's top-level handler.
import { mount } from 'svelte';
import App from './App.svelte';
import { pwa } from './lib/pwa/pwa.svelte';
import './app.css';
import { startupMark } from './lib/startup-marks';

const target = document.getElementById('app');
if (!target) throw new Error('#app element missing from index.html');

export const app = mount(App, { target });
startupMark('app:mounted');

pwa.register();
