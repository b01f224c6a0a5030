import { describe, expect, it } from 'vitest';
import type { Achievement } from '$lib/ipc';
import { achievementDraft, achievementInput, emptyAchievement, newestFirst } from './drafts';

function achievement(id: number, occurredOn: string): Achievement {
	return { id, studentId: 5, kind: 'grading', title: `A${id}`, result: null, occurredOn, description: null, media: [] };
}

describe('achievement drafts', () => {
	it('start today, as a performance, with nothing typed', () => {
		expect(emptyAchievement('2026-05-04')).toEqual({
			kind: 'performance',
			title: '',
			result: '',
			occurredOn: '2026-05-04',
			description: ''
		});
	});

	it('send blank optional fields as none and keep what was typed', () => {
		const input = achievementInput(5, {
			kind: 'competition',
			title: '少儿钢琴比赛',
			result: '  ',
			occurredOn: '2026-04-18',
			description: '第一次上台，很稳。'
		});
		expect(input).toEqual({
			studentId: 5,
			kind: 'competition',
			title: '少儿钢琴比赛',
			result: null,
			occurredOn: '2026-04-18',
			description: '第一次上台，很稳。'
		});
	});

	it('round-trip a stored achievement through the form', () => {
		const a = { ...achievement(3, '2026-03-01'), result: 'Gold', description: null };
		expect(achievementInput(5, achievementDraft(a))).toEqual({
			studentId: 5,
			kind: 'grading',
			title: 'A3',
			result: 'Gold',
			occurredOn: '2026-03-01',
			description: null
		});
	});

	it('list newest first, the later record first on the same day', () => {
		const list = [achievement(1, '2025-12-20'), achievement(2, '2026-04-01'), achievement(3, '2025-12-20'), achievement(4, '2026-01-09')];
		expect(newestFirst(list).map((a) => a.id)).toEqual([2, 4, 3, 1]);
		expect(list.map((a) => a.id)).toEqual([1, 2, 3, 4]);
	});
});
