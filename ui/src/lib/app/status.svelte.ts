// What the whole window knows at start: which language, which file, whether it opened.
import { commands, run, type AppStatus, type Locale } from '$lib/ipc';
import { applyLocale } from '$lib/i18n/locale.svelte';

export const app = $state<{ status: AppStatus | null; bootError: boolean; generation: number }>({
	status: null,
	bootError: false,
	// Bumped when the school's file is replaced (a restore): every page re-mounts and reads it.
	generation: 0
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

/** After a restore: read the status again and re-mount every page on the restored file. */
export async function reloadSchool(): Promise<void> {
	await boot();
	app.generation += 1;
}

/** The school now has records; the welcome screen is no longer offered. */
export function markNotEmpty(): void {
	if (app.status) {
		app.status.empty = false;
	}
}
