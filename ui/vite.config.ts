import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// Tauri expects a fixed port for `tauri dev`; the built app never uses it.
	server: { port: 1420, strictPort: true },
	clearScreen: false,
	// Under vitest, resolve Svelte's client build so components can be mounted in jsdom.
	resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
	build: {
		// The webview is a current WebKitGTK; no need to down-level.
		target: 'es2022',
		chunkSizeWarningLimit: 1500
	},
	test: {
		include: ['src/**/*.test.ts'],
		environment: 'jsdom',
		restoreMocks: true
	}
});
