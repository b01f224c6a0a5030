import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		runes: true
	},
	kit: {
		// A single-page app served by Tauri's custom protocol: no server, no prerendered pages,
		// every route falls back to index.html and renders on the client.
		adapter: adapter({
			pages: 'build',
			assets: 'build',
			fallback: 'index.html',
			strict: true
		}),
		alias: {
			$ipc: 'src/lib/ipc'
		}
	}
};

export default config;
