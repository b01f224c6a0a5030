import { describe, expect, it } from 'vitest';
import {
	emptyGuardian,
	emptyStudent,
	guardianDraft,
	guardianInfo,
	localDate,
	splitCourses,
	studentDraft,
	studentInfo
} from './drafts';

describe('family drafts', () => {
	it('blank optional inputs are sent as null, names untouched for Rust to check', () => {
		const g = { ...emptyGuardian(), name: '  李芳 ', mobile: ' ', email: 'li@example.cn' };
		expect(guardianInfo(g)).toEqual({
			name: '  李芳 ',
			mobile: null,
			wechatId: null,
			email: 'li@example.cn',
			preferredChannel: null,
			bestTime: null
		});
	});

	it('courses split on English and Chinese separators', () => {
		expect(splitCourses('钢琴、 小提琴，Ballet, ,art')).toEqual(['钢琴', '小提琴', 'Ballet', 'art']);
	});

	it('a school grade survives a round trip; common levels stay codes', () => {
		const d = { ...emptyStudent('2026-11-22'), name: '张小明', level: 'grade' as const, grade: '考级三级' };
		const info = studentInfo(d);
		expect(info.skillLevel).toBe('考级三级');
		expect(studentDraft(info)).toMatchObject({ level: 'grade', grade: '考级三级' });
		const beginner = studentInfo({ ...d, level: 'beginner' });
		expect(beginner.skillLevel).toBe('beginner');
		expect(studentDraft(beginner)).toMatchObject({ level: 'beginner', grade: '' });
	});

	it('guardian info round-trips through a draft', () => {
		const info = {
			name: 'Laura Miller',
			mobile: '+14155550100',
			wechatId: null,
			email: null,
			preferredChannel: 'email' as const,
			bestTime: 'Evenings'
		};
		expect(guardianInfo(guardianDraft(info, 'mother'))).toEqual(info);
	});

	it('local dates are zero-padded', () => {
		expect(localDate(new Date(2026, 0, 5))).toBe('2026-01-05');
	});
});
