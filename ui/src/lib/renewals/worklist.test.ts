import { describe, expect, it } from 'vitest';
import type { WorklistRow } from '$lib/ipc';
import { BY_RISK, nextSort, percent, sortRows } from './worklist';

function row(name: string, over: Partial<WorklistRow> = {}): WorklistRow {
	return {
		studentId: name.length,
		studentName: name,
		familyId: 1,
		familyName: '',
		courseId: 1,
		courseName: '钢琴',
		teachers: [],
		guardians: [],
		tagIds: [],
		hoursLeft: 3,
		expiresOn: null,
		attendanceRecent: null,
		attendanceBefore: null,
		absenceStreak: 0,
		daysSinceContact: 10,
		complaints: 0,
		risk: { score: 10, level: 'low', reasons: [] },
		cycle: {
			id: null,
			packageId: null,
			status: 'to_contact',
			meetingAt: null,
			postponedUntil: null,
			declinedReason: null,
			declinedText: null,
			renewedPackageId: null
		},
		...over
	};
}

const names = (rows: WorklistRow[]) => rows.map((r) => r.studentName);

describe('renewal worklist sorting', () => {
	it('sorts Chinese names by pinyin and numbers by value', () => {
		const rows = [row('张小明', { hoursLeft: 4 }), row('王一', { hoursLeft: 0.5 }), row('李华', { hoursLeft: 2 })];
		expect(names(sortRows(rows, { key: 'student', descending: false }))).toEqual(['李华', '王一', '张小明']);
		expect(names(sortRows(rows, { key: 'hours', descending: false }))).toEqual(['王一', '李华', '张小明']);
	});

	it('puts rows without a value last in both directions', () => {
		const rows = [row('a', { expiresOn: null }), row('bb', { expiresOn: '2026-12-01' }), row('ccc', { expiresOn: '2026-11-30' })];
		expect(names(sortRows(rows, { key: 'expires', descending: false }))).toEqual(['ccc', 'bb', 'a']);
		expect(names(sortRows(rows, { key: 'expires', descending: true }))).toEqual(['bb', 'ccc', 'a']);
	});

	it('counts never contacted as the longest silence', () => {
		const rows = [row('a', { daysSinceContact: 40 }), row('bb', { daysSinceContact: null }), row('ccc', { daysSinceContact: 3 })];
		expect(names(sortRows(rows, nextSort(BY_RISK, 'contact')))).toEqual(['bb', 'a', 'ccc']);
	});

	it('keeps the ranking for ties and reverses on a second click', () => {
		const rows = [row('a'), row('bb'), row('ccc', { risk: { score: 60, level: 'high', reasons: [] } })];
		expect(names(sortRows(rows, BY_RISK))).toEqual(['ccc', 'a', 'bb']);
		const byStudent = nextSort(BY_RISK, 'student');
		expect(byStudent.descending).toBe(false);
		expect(nextSort(byStudent, 'student').descending).toBe(true);
	});

	it('shows attendance as a whole percentage', () => {
		expect(percent(0.955)).toBe('96%');
		expect(percent(null)).toBe('—');
	});
});
