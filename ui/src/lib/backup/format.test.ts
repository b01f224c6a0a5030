import { afterEach, describe, expect, it } from 'vitest';
import { applyLocale } from '$lib/i18n/locale.svelte';
import type { BackupFailure, BackupKind, CloudService } from '$lib/ipc';
import { backupFailureMessage, kindLabel, riskMessage, sizeText, takenText } from './format';

afterEach(() => applyLocale('en'));

describe('backup list', () => {
	it('shows the time to the minute and sizes a person reads', () => {
		expect(takenText('2026-11-22T09:30:05')).toBe('2026-11-22 09:30');
		expect(sizeText(512)).toBe('512 B');
		expect(sizeText(1536)).toBe('1.5 KB');
		expect(sizeText(350 * 1024)).toBe('350 KB');
		expect(sizeText(12.4 * 1024 * 1024)).toBe('12 MB');
	});

	it('names every kind and failure in both languages', () => {
		const kinds: BackupKind[] = ['daily', 'manual', 'before_import', 'before_restore', 'before_upgrade'];
		const failures: BackupFailure[] = [
			'disk_full',
			'folder_missing',
			'permission_denied',
			'write_failed',
			'not_encore',
			'damaged',
			'newer_schema',
			'unreadable',
			'same_file',
			'not_found',
			'file_in_use'
		];
		for (const locale of ['en', 'zh-CN'] as const) {
			applyLocale(locale);
			const words = [...kinds.map(kindLabel), ...failures.map(backupFailureMessage)];
			expect(new Set(words).size).toBe(words.length);
			for (const w of words) expect(w.length).toBeGreaterThan(1);
		}
		applyLocale('zh-CN');
		expect(backupFailureMessage('disk_full')).toContain('磁盘已满');
	});

	it('explains the risk of a sync folder or a network drive', () => {
		const services: CloudService[] = ['one_drive', 'dropbox', 'i_cloud', 'nutstore', 'baidu_netdisk', 'google_drive'];
		for (const service of services) {
			expect(riskMessage({ kind: 'cloudFolder', service })).toMatch(/sync/i);
		}
		expect(riskMessage({ kind: 'cloudFolder', service: 'one_drive' })).toContain('OneDrive');
		expect(riskMessage({ kind: 'networkDrive', fsType: 'cifs' })).toContain('cifs');
		applyLocale('zh-CN');
		expect(riskMessage({ kind: 'cloudFolder', service: 'nutstore' })).toContain('坚果云');
	});
});

describe('command errors from backups', () => {
	it('become one sentence in the UI language', async () => {
		const { errorMessage } = await import('$lib/i18n/labels');
		expect(errorMessage({ kind: 'diskFull' })).toContain('disk is full');
		expect(errorMessage({ kind: 'backup', code: 'newer_schema' })).toContain('newer Encore');
		applyLocale('zh-CN');
		expect(errorMessage({ kind: 'diskFull' })).toContain('磁盘已满');
	});
});
