import { afterEach, describe, expect, it } from 'vitest';
import type { ExportFailure, WorklistRow } from '$lib/ipc';
import { applyLocale } from '$lib/i18n/locale.svelte';
import { errorMessage, exportFailureMessage } from '$lib/i18n/labels';
import { cancelling, finished, idle, peopleExport, progressed, started, worklistExport } from './export';

afterEach(() => applyLocale('en'));

describe('export progress', () => {
	it('follows the rows reported and ends saved with the path', () => {
		let s = started();
		s = progressed(s, { rowsDone: 0, rowsTotal: 5000 });
		s = progressed(s, { rowsDone: 2500, rowsTotal: 5000 });
		expect(s).toEqual({ phase: 'running', done: 2500, total: 5000, cancelling: false });
		expect(finished(s, '/home/a/续费名单.xlsx')).toEqual({ phase: 'saved', path: '/home/a/续费名单.xlsx' });
	});

	it('says cancelled only when the user pressed Cancel; a closed dialog says nothing', () => {
		expect(finished(cancelling(started()), null)).toEqual({ phase: 'cancelled' });
		expect(finished(started(), null)).toEqual(idle);
	});

	it('ignores progress that arrives after the export ended', () => {
		const saved = finished(started(), '/x.csv');
		expect(progressed(saved, { rowsDone: 9, rowsTotal: 9 })).toBe(saved);
		expect(cancelling(saved)).toBe(saved);
	});
});

describe('export requests', () => {
	it('send the worklist rows shown, in their order', () => {
		const rows = [
			{ studentId: 7, courseId: 2 },
			{ studentId: 3, courseId: 1 }
		] as WorklistRow[];
		const filter = { motivation: null, tagId: null, courseId: 2, teacherId: null, status: null, risk: 'high' as const };
		expect(worklistExport(filter, rows)).toEqual({
			kind: 'renewals',
			filter,
			shown: [
				{ studentId: 7, courseId: 2 },
				{ studentId: 3, courseId: 1 }
			]
		});
	});

	it('send the families or students shown with the page filters', () => {
		expect(peopleExport('students', true, { motivation: 'future', tagId: null }, [4, 1])).toEqual({
			kind: 'students',
			includeArchived: true,
			filter: { motivation: 'future', tagId: null },
			shown: [4, 1]
		});
	});
});

describe('export failures', () => {
	const CODES: ExportFailure[] = ['permission_denied', 'disk_full', 'folder_missing', 'write_failed'];

	it('have words in both languages', () => {
		for (const locale of ['en', 'zh-CN'] as const) {
			applyLocale(locale);
			for (const code of CODES) {
				const text = exportFailureMessage(code);
				expect(text.length, `${locale} ${code}`).toBeGreaterThan(5);
				expect(text).not.toContain('export_err');
			}
		}
		applyLocale('zh-CN');
		expect(errorMessage({ kind: 'export', code: 'disk_full' })).toBe('磁盘已满，未写入任何文件。');
	});
});
