// Erasing from the family page: the dialog says what goes and what backups keep, and the
// erase button waits for the family's name, typed exactly; the report goes to the page.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { commands, type ErasureReport, type Family } from '$lib/ipc';
import { applyLocale } from '$lib/i18n/locale.svelte';
import PrivacySection from './PrivacySection.svelte';

const family: Family = { id: 4, name: '张家', createdAt: '', updatedAt: '', archivedAt: null };
const report: ErasureReport = {
	familyName: '张家',
	guardians: 2,
	students: 1,
	notes: 3,
	mediaFiles: 1,
	mentions: [],
	scrubbed: true
};

let target: HTMLElement;
beforeEach(() => {
	target = document.createElement('div');
	document.body.appendChild(target);
	// jsdom has no <dialog> methods.
	HTMLDialogElement.prototype.showModal = function () {
		this.setAttribute('open', '');
	};
});
afterEach(() => {
	applyLocale('en');
	document.body.innerHTML = '';
});

const q = <T extends Element>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`);
const settle = async () => {
	for (let i = 0; i < 8; i++) await Promise.resolve();
	flushSync();
};
function type(id: string, value: string) {
	const el = q<HTMLInputElement>(id)!;
	el.value = value;
	el.dispatchEvent(new Event('input', { bubbles: true }));
	flushSync();
}

it('erases only once the family name is typed, and hands the report on', async () => {
	const erase = vi.spyOn(commands, 'eraseFamily').mockResolvedValue({ status: 'ok', data: report });
	const onerased = vi.fn();
	const c = mount(PrivacySection, { target, props: { family, onerased } });
	try {
		q<HTMLButtonElement>('privacy-erase')!.click();
		flushSync();
		expect(q('privacy-erase-backups')!.textContent).toContain('until they rotate out');
		const confirm = q<HTMLButtonElement>('privacy-erase-confirm')!;
		expect(confirm.disabled).toBe(true);
		type('privacy-erase-name', '张');
		expect(confirm.disabled).toBe(true);
		type('privacy-erase-name', ' 张家 ');
		expect(confirm.disabled).toBe(false);
		confirm.click();
		await settle();
		expect(erase).toHaveBeenCalledWith(4, ' 张家 ');
		expect(onerased).toHaveBeenCalledWith(report);
	} finally {
		unmount(c);
	}
});

it('a refused erasure says why in the dialog, in Chinese too', async () => {
	applyLocale('zh-CN');
	vi.spyOn(commands, 'eraseFamily').mockResolvedValue({
		status: 'error',
		error: { kind: 'validation', field: 'confirmName', code: 'confirmation_mismatch' }
	});
	const onerased = vi.fn();
	const c = mount(PrivacySection, { target, props: { family, onerased } });
	try {
		q<HTMLButtonElement>('privacy-erase')!.click();
		flushSync();
		type('privacy-erase-name', '张家');
		q<HTMLButtonElement>('privacy-erase-confirm')!.click();
		await settle();
		expect(q('privacy-error')!.textContent).toBe('输入的名称与家庭名称不一致。');
		expect(onerased).not.toHaveBeenCalled();
	} finally {
		unmount(c);
	}
});
