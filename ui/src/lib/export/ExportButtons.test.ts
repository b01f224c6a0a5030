// The export buttons as a user meets them: progress in rows while writing, Cancel, then where
// the file went or why it could not be written.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { commands, type ExportProgress } from '$lib/ipc';
import { applyLocale } from '$lib/i18n/locale.svelte';
import ExportButtons from './ExportButtons.svelte';

// A real Tauri channel needs the webview; this one just hands its listener to the test.
let report: (p: ExportProgress) => void = () => {};
vi.mock('$lib/ipc/progress', () => ({
	progressChannel: (onmessage: (p: ExportProgress) => void) => {
		report = onmessage;
		return { onmessage };
	}
}));

let target: HTMLElement;
beforeEach(() => {
	target = document.createElement('div');
	document.body.appendChild(target);
});
afterEach(() => {
	applyLocale('en');
	document.body.innerHTML = '';
});

const q = (id: string) => target.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const settle = async () => {
	for (let i = 0; i < 5; i++) await Promise.resolve();
	flushSync();
};

it('shows rows done while writing and where the file was saved', async () => {
	let finish: (path: string | null) => void = () => {};
	const exportList = vi
		.spyOn(commands, 'exportList')
		.mockImplementation(() => new Promise((resolve) => (finish = (path) => resolve({ status: 'ok', data: path }))));
	const list = () => ({ kind: 'class_roster' as const, classId: 3 });
	const c = mount(ExportButtons, { target, props: { list, testid: 'x' } });
	try {
		q('x-xlsx')!.click();
		await settle();
		expect(exportList).toHaveBeenCalledWith({ kind: 'class_roster', classId: 3 }, 'xlsx', 'en', expect.anything());
		report({ rowsDone: 2500, rowsTotal: 5000 });
		flushSync();
		expect(q('x-progress')!.textContent).toContain('2500 of 5000 rows');
		expect(target.querySelector('progress')!.value).toBe(2500);
		finish('/home/anna/Renewals 2026-11-22.xlsx');
		await settle();
		expect(q('x-saved')!.textContent).toBe('Saved to /home/anna/Renewals 2026-11-22.xlsx');
		expect(q('x-csv')).not.toBeNull();
	} finally {
		unmount(c);
	}
});

it('cancels, says nothing was written, and translates write failures', async () => {
	applyLocale('zh-CN');
	let finish: (path: string | null) => void = () => {};
	vi.spyOn(commands, 'exportList').mockImplementationOnce(
		() => new Promise((resolve) => (finish = (path) => resolve({ status: 'ok', data: path })))
	);
	const cancel = vi.spyOn(commands, 'cancelExport').mockResolvedValue({ status: 'ok', data: null });
	const c = mount(ExportButtons, { target, props: { list: () => ({ kind: 'class_roster' as const, classId: 3 }), testid: 'x' } });
	try {
		q('x-csv')!.click();
		await settle();
		q('x-cancel')!.click();
		await settle();
		expect(cancel).toHaveBeenCalled();
		finish(null);
		await settle();
		expect(q('x-cancelled')!.textContent).toBe('已取消导出，未写入任何文件。');

		vi.spyOn(commands, 'exportList').mockResolvedValueOnce({ status: 'error', error: { kind: 'export', code: 'disk_full' } });
		q('x-csv')!.click();
		await settle();
		expect(q('x-error')!.textContent).toBe('磁盘已满，未写入任何文件。');
	} finally {
		unmount(c);
	}
});
