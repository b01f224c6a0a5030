// What the whole window knows at start: which language, which file, whether it opened.
import { commands, run, type AppStatus, type Locale } from '$lib/ipc';
import { applyLocale } from '$lib/i18n/locale.svelte';

export const app = $state<{ status: AppStatus | null; bootError: boolean }>({
	status: null,
	bootError: false
});

export async function boot(): Promise<void> {
	try {
		const status = await run(commands.appStatus());
		applyLocale(status.locale);
		app.status = status;
	} catch {
		app.bootError = true;
	}
}

/** Switches at once and remembers the choice in the school's file. */
export async function chooseLocale(locale: Locale): Promise<void> {
	applyLocale(locale);
	if (app.status && !app.status.failure) {
		await run(commands.setLocale(locale));
	}
}

/** The school now has records; the welcome screen is no longer offered. */
export function markNotEmpty(): void {
	if (app.status) {
		app.status.empty = false;
	}
}
