// Saving a PDF as a user meets it: the paper size chosen last time comes back, the path
// written is shown, a cancelled dialog says nothing, and a failure says why.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { CommandError, type Paper } from '$lib/ipc';
import { applyLocale } from '$lib/i18n/locale.svelte';
import SavePdfButton from './SavePdfButton.svelte';
import { rememberedPaper } from './paper';

let target: HTMLElement;
beforeEach(() => {
	localStorage.clear();
	target = document.createElement('div');
	document.body.appendChild(target);
});
afterEach(() => {
	applyLocale('en');
	document.body.innerHTML = '';
});

const q = <T extends HTMLElement>(id: string) => target.querySelector<T>(`[data-testid="${id}"]`);
const settle = async () => {
	for (let i = 0; i < 5; i++) await Promise.resolve();
	flushSync();
};

it('saves on the paper chosen, remembers it, and shows where the file went', async () => {
	const save = vi.fn(async (paper: Paper) => `/home/anna/renewals-${paper}.pdf`);
	const c = mount(SavePdfButton, { target, props: { save, testid: 'x' } });
	try {
		expect(q<HTMLSelectElement>('x-paper')!.value).toBe('a4');
		const select = q<HTMLSelectElement>('x-paper')!;
		select.value = 'letter';
		select.dispatchEvent(new Event('change', { bubbles: true }));
		flushSync();
		expect(rememberedPaper()).toBe('letter');
		q('x-save')!.click();
		await settle();
		expect(save).toHaveBeenCalledWith('letter');
		expect(q('x-saved')!.textContent).toBe('Saved to /home/anna/renewals-letter.pdf');
	} finally {
		unmount(c);
	}
	// The next button on any page starts on Letter.
	const again = mount(SavePdfButton, { target, props: { save, testid: 'y' } });
	try {
		expect(q<HTMLSelectElement>('y-paper')!.value).toBe('letter');
	} finally {
		unmount(again);
	}
});

it('says nothing when the dialog is cancelled and translates a failure', async () => {
	applyLocale('zh-CN');
	const save = vi.fn<(paper: Paper) => Promise<string | null>>().mockResolvedValueOnce(null);
	const c = mount(SavePdfButton, { target, props: { save, testid: 'x' } });
	try {
		expect(q('x-save')!.textContent!.trim()).toBe('保存为 PDF');
		q('x-save')!.click();
		await settle();
		expect(q('x-saved')).toBeNull();
		expect(q('x-error')).toBeNull();

		save.mockRejectedValueOnce(new CommandError({ kind: 'export', code: 'permission_denied' }));
		q('x-save')!.click();
		await settle();
		expect(q('x-error')!.textContent).not.toBe('');
		expect(q('x-saved')).toBeNull();
	} finally {
		unmount(c);
	}
});

it('falls back to A4 when storage holds something else', () => {
	localStorage.setItem('encore.pdf.paper', 'tabloid');
	expect(rememberedPaper()).toBe('a4');
});
