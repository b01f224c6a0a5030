import { afterEach, describe, expect, it } from 'vitest';
import type { Opportunity } from '$lib/ipc';
import { applyLocale } from '$lib/i18n/locale.svelte';
import { bySoonest, cleanDraft, draftFrom, levelRangeText } from './opportunities';

afterEach(() => applyLocale('en'));

function opp(id: number, happensOn: string): Opportunity {
	return {
		id,
		kind: 'recital',
		title: `#${id}`,
		happensOn,
		courseId: null,
		courseName: null,
		levelMin: null,
		levelMax: null,
		description: null
	};
}

describe('level range in words', () => {
	it('reads naturally in English', () => {
		expect(levelRangeText(null, null)).toBe('All levels');
		expect(levelRangeText('intermediate', null)).toBe('Intermediate and above');
		expect(levelRangeText(null, 'intermediate')).toBe('Up to Intermediate');
		expect(levelRangeText('beginner', 'advanced')).toBe('Beginner to Advanced');
		expect(levelRangeText('advanced', 'advanced')).toBe('Advanced');
	});

	it('reads naturally in Chinese', () => {
		applyLocale('zh-CN');
		expect(levelRangeText(null, null)).toBe('所有级别');
		expect(levelRangeText('intermediate', null)).toBe('中级及以上');
		expect(levelRangeText(null, 'intermediate')).toBe('中级及以下');
		expect(levelRangeText('beginner', 'advanced')).toBe('初级至高级');
		expect(levelRangeText('beginner', 'beginner')).toBe('初级');
	});
});

describe('opportunity drafts', () => {
	it('sorts soonest first, then by entry', () => {
		const list = [opp(3, '2031-05-01'), opp(2, '2031-04-01'), opp(1, '2031-05-01')];
		expect(bySoonest(list).map((o) => o.id)).toEqual([2, 1, 3]);
		expect(list[0]!.id).toBe(3);
	});

	it('starts blank or from the opportunity, and sends an empty description as none', () => {
		expect(draftFrom(null)).toMatchObject({ kind: 'competition', title: '', courseId: null, description: '' });
		const o = { ...opp(4, '2031-06-01'), courseId: 2, levelMin: 'beginner', description: 'Hall B' };
		expect(draftFrom(o)).toEqual({
			kind: 'recital',
			title: '#4',
			happensOn: '2031-06-01',
			courseId: 2,
			levelMin: 'beginner',
			levelMax: null,
			description: 'Hall B'
		});
		expect(cleanDraft({ ...draftFrom(null), title: ' Spring recital ', description: '  ' })).toMatchObject({
			title: 'Spring recital',
			description: null
		});
	});
});
