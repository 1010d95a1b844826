// Renderer entry: applies the chosen theme and mounts the Svelte app.
import { mount } from 'svelte';
import App from './App.svelte';
import { theme } from './lib/theme.svelte';
import './styles/app.css';

theme.apply();

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');
mount(App, { target });
