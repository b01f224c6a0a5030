// After a restore the whole window reads the restored file: the status is fetched again and
// every page re-mounts (see `reloadSchool`); this note survives that and says what happened.
import { m } from '$lib/paraglide/messages.js';
import type { RestoreReport } from '$lib/ipc';
import { reloadSchool } from '$lib/app/status.svelte';

export const restoreNotice = $state<{ text: string | null }>({ text: null });

export async function afterRestore(report: RestoreReport): Promise<void> {
	restoreNotice.text = report.keptAs
		? m.backup_restored({ name: report.keptAs })
		: m.backup_restored_plain();
	await reloadSchool();
}
