// Backups as a list shows them: when, why, how big; and the words for what went wrong.
import { m } from '$lib/paraglide/messages.js';
import type { BackupFailure, BackupKind, StorageRisk } from '$lib/ipc';

/** `2026-11-22T09:30:05` (local time, from the file's name) → `2026-11-22 09:30`. */
export function takenText(takenAt: string): string {
	return takenAt.replace('T', ' ').slice(0, 16);
}

/** Bytes in KB, MB or GB, one decimal below 10. */
export function sizeText(bytes: number): string {
	const units = ['B', 'KB', 'MB', 'GB'];
	let value = bytes;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit += 1;
	}
	const shown = unit === 0 || value >= 10 ? Math.round(value).toString() : value.toFixed(1);
	return `${shown} ${units[unit]}`;
}

export function kindLabel(kind: BackupKind): string {
	return {
		daily: m.backup_kind_daily,
		manual: m.backup_kind_manual,
		before_import: m.backup_kind_before_import,
		before_restore: m.backup_kind_before_restore,
		before_upgrade: m.backup_kind_before_upgrade
	}[kind]();
}

export function backupFailureMessage(code: BackupFailure): string {
	return {
		disk_full: m.backup_err_disk_full,
		folder_missing: m.backup_err_folder_missing,
		permission_denied: m.backup_err_permission_denied,
		write_failed: m.backup_err_write_failed,
		not_encore: m.backup_err_not_encore,
		damaged: m.backup_err_damaged,
		newer_schema: m.backup_err_newer_schema,
		unreadable: m.backup_err_unreadable,
		same_file: m.backup_err_same_file,
		not_found: m.backup_err_not_found,
		file_in_use: m.backup_err_file_in_use
	}[code]();
}

/** Why the file's place is risky, in the UI language. */
export function riskMessage(risk: StorageRisk): string {
	if (risk.kind === 'networkDrive') {
		return m.backup_risk_network({ fs: risk.fsType });
	}
	const service = {
		one_drive: () => 'OneDrive',
		dropbox: () => 'Dropbox',
		i_cloud: () => 'iCloud Drive',
		nutstore: m.backup_service_nutstore,
		baidu_netdisk: m.backup_service_baidu,
		google_drive: () => 'Google Drive'
	}[risk.service]();
	return m.backup_risk_cloud({ service });
}
