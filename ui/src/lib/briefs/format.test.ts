import { afterEach, describe, expect, it } from 'vitest';
import { applyLocale } from '$lib/i18n/locale.svelte';
import type { Brief, BriefChild } from '$lib/ipc';
import { achievementKindIn, attendanceText, hoursOrDash, motivationIn, opportunityKindIn, scriptSubject } from './format';

afterEach(() => applyLocale('en'));

const child: BriefChild = {
	studentId: 11,
	name: '王小明',
	courses: [
		{ courseId: 2, courseName: '钢琴', teacher: '李老师', lessons: 8, attended: 7, bought: 20, used: 16.5, left: 3.5, expiresOn: '2026-06-30' },
		{ courseId: 3, courseName: '美术', teacher: null, lessons: 0, attended: 0, bought: null, used: null, left: null, expiresOn: null }
	],
	achievements: [],
	opportunities: []
};

function brief(script: Brief['script']): Brief {
	return {
		schoolName: null,
		familyId: 1,
		familyName: '王家',
		on: '2026-05-04',
		locale: 'zh-CN',
		guardians: [],
		children: [child],
		script
	};
}

describe('brief figures', () => {
	it('attendance reads attended out of marked lessons, a dash before the first', () => {
		expect(attendanceText(child.courses[0]!)).toBe('7/8');
		expect(attendanceText(child.courses[1]!)).toBe('—');
	});

	it('hours as people write them, a dash without a package', () => {
		expect(hoursOrDash(3.5)).toBe('3.5');
		expect(hoursOrDash(20)).toBe('20');
		expect(hoursOrDash(0)).toBe('0');
		expect(hoursOrDash(null)).toBe('—');
	});
});

describe('brief words follow the brief, not the screen', () => {
	it('kinds and types come out in the language asked for', () => {
		applyLocale('en');
		expect(achievementKindIn('grading', 'zh-CN')).toBe('考级');
		expect(opportunityKindIn('recital', 'zh-CN')).toBe('汇报演出');
		expect(motivationIn('interest', 'zh-CN')).toBe('兴趣成长型');
		applyLocale('zh-CN');
		expect(achievementKindIn('grading', 'en')).toBe('Grading exam');
		expect(opportunityKindIn('recital', 'en')).toBe('Recital');
		expect(motivationIn('interest', 'en')).toBe('Interest & growth');
	});
});

describe('the script subject', () => {
	const script = {
		studentId: 11,
		courseId: 2,
		guardianId: 4,
		motivation: 'honors' as const,
		tagged: true,
		goal: 'renew' as const,
		locale: 'zh-CN' as const,
		text: '…',
		problem: null
	};

	it('names the child and the course the script is about', () => {
		expect(scriptSubject(brief(script))).toEqual({ name: '王小明', course: '钢琴' });
	});

	it('is unknown without a script or when the course is not listed', () => {
		expect(scriptSubject(brief(null))).toBeNull();
		expect(scriptSubject(brief({ ...script, courseId: 99 }))).toBeNull();
	});
});
