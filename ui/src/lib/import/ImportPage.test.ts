// The import page end to end against mocked commands: the guessed mapping preselected and
// adjustable, problems with their row and column in the UI language, the import button held
// back by problems until they are skipped, progress, and the result.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { commands, type ImportFile, type ImportPreview, type ImportReport, type Staff } from '$lib/ipc';
import { applyLocale } from '$lib/i18n/locale.svelte';
import ImportPage from './ImportPage.svelte';

vi.mock('$lib/ipc/progress', () => ({
	progressChannel: (onmessage: (p: unknown) => void) => ({ onmessage })
}));

const staff: Staff[] = [{ id: 7, name: '陈宇', role: 'admin', archivedAt: null }];
const file: ImportFile = {
	fileName: 'roster.csv',
	columns: [
		{ letter: 'A', header: '学员姓名' },
		{ letter: 'B', header: '联系电话' },
		{ letter: 'C', header: '说明文字' }
	],
	mapping: ['student_name', 'mobile', null],
	remembered: false,
	rows: 2,
	firstRows: [
		{ row: 2, cells: ['张小明', '13800138000', '想参加比赛'] },
		{ row: 3, cells: ['王一诺', '12345', ''] }
	]
};
const counts = { rows: 2, problemRows: 1, families: 1, joinedFamilies: 0, students: 1, packages: 0, notes: 1, newCourses: 0 };
const preview: ImportPreview = {
	rows: [
		{ row: 2, student: '张小明', guardian: '张小明家长', mobile: '13800138000', course: '', purchased: null, remaining: null, family: '张小明家', joinsExisting: false, problems: [] },
		{ row: 3, student: '王一诺', guardian: '', mobile: '', course: '', purchased: null, remaining: null, family: null, joinsExisting: false, problems: [{ column: 1, letter: 'B', code: 'invalid_phone' }] }
	],
	counts
};
const report: ImportReport = { counts, skippedRows: 1 };

let target: HTMLElement;
beforeEach(() => {
	target = document.createElement('div');
	document.body.appendChild(target);
	vi.spyOn(commands, 'listStaff').mockResolvedValue({ status: 'ok', data: staff });
	vi.spyOn(commands, 'openImport').mockResolvedValue({ status: 'ok', data: file });
	vi.spyOn(commands, 'previewImport').mockResolvedValue({ status: 'ok', data: preview });
});
afterEach(() => {
	applyLocale('en');
	document.body.innerHTML = '';
});

const q = <T extends Element>(id: string) => target.querySelector<T>(`[data-testid="${id}"]`);
const all = <T extends Element>(id: string) => [...target.querySelectorAll<T>(`[data-testid="${id}"]`)];

async function settle() {
	for (let i = 0; i < 5; i++) await Promise.resolve();
	flushSync();
}

async function click(id: string) {
	q<HTMLElement>(id)!.click();
	await settle();
}

it('maps, previews, holds back rows with problems until skipped, and imports', async () => {
	const commit = vi.spyOn(commands, 'commitImport').mockImplementation(async (_m, _s, _b, channel) => {
		(channel as unknown as { onmessage: (p: unknown) => void }).onmessage({ done: 1, total: 1 });
		return { status: 'ok', data: report };
	});
	const page = mount(ImportPage, { target });
	try {
		await settle();
		await click('import-choose');
		const selects = all<HTMLSelectElement>('import-column-field');
		expect(selects.map((s) => s.value)).toEqual(['student_name', 'mobile', '']);
		const remarks = selects[2]!;
		remarks.value = 'notes';
		remarks.dispatchEvent(new Event('change', { bubbles: true }));
		flushSync();

		await click('import-preview-button');
		expect(commands.previewImport).toHaveBeenCalledWith(['student_name', 'mobile', 'notes']);
		expect(all('import-row-number').map((e) => e.textContent)).toEqual(['2', '3']);
		expect(q('import-row-problem')!.textContent).toContain('B · 联系电话: not a phone number');
		const button = q<HTMLButtonElement>('import-commit')!;
		expect(button.disabled).toBe(true);

		q<HTMLInputElement>('import-skip-invalid')!.click();
		flushSync();
		expect(button.disabled).toBe(false);
		expect(button.textContent).toContain('Import 1 rows');
		await click('import-commit');
		expect(commit).toHaveBeenCalledWith(['student_name', 'mobile', 'notes'], true, 7, expect.anything());
		expect(q('import-result-counts')!.textContent).toContain('1 new families, 1 students');
	} finally {
		unmount(page);
	}
});

it('shows problems and file refusals in Chinese', async () => {
	applyLocale('zh-CN');
	const page = mount(ImportPage, { target });
	try {
		await settle();
		await click('import-choose');
		await click('import-preview-button');
		expect(q('import-row-problem')!.textContent).toContain('B · 联系电话：电话号码格式不正确');
		vi.spyOn(commands, 'openImport').mockResolvedValue({ status: 'error', error: { kind: 'file', problem: 'not_a_spreadsheet' } });
		target.querySelector<HTMLButtonElement>('[data-testid="import-file"] button')!.click();
		await settle();
		expect(q('import-error')!.textContent).toBe('这不是 CSV 文件或 Excel 表格。');
	} finally {
		unmount(page);
	}
});
