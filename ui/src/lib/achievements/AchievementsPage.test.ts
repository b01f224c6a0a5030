// The page names the student and the way back to the family, lists achievements newest first,
// and the form saves what was typed (today by default), showing a refused field beside it.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { commands, type Achievement, type Statement } from '$lib/ipc';
import { applyLocale } from '$lib/i18n/locale.svelte';
import { localDate } from '$lib/families/drafts';
import AchievementsPage from './AchievementsPage.svelte';

const statement: Statement = {
	schoolName: null,
	studentId: 7,
	studentName: '王小明',
	familyId: 4,
	familyName: '王家',
	guardianNames: [],
	on: '2026-05-04',
	accounts: []
};

function achievement(id: number, occurredOn: string, title: string): Achievement {
	return { id, studentId: 7, kind: 'performance', title, result: null, occurredOn, description: null, media: [] };
}

let target: HTMLElement;
beforeEach(() => {
	target = document.createElement('div');
	document.body.appendChild(target);
	vi.spyOn(commands, 'getStatement').mockResolvedValue({ status: 'ok', data: statement });
	vi.spyOn(commands, 'generateScript').mockResolvedValue({ status: 'error', error: { kind: 'validation', field: 'courseId', code: 'required' } });
});
afterEach(() => {
	applyLocale('en');
	document.body.innerHTML = '';
});

const q = <T extends Element>(id: string) => target.querySelector<T>(`[data-testid="${id}"]`);
const all = (id: string) => [...target.querySelectorAll(`[data-testid="${id}"]`)];
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
async function submit() {
	q<HTMLFormElement>('achievement-form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
	await settle();
}

it('lists newest first under the student’s name, with the way back to the family', async () => {
	vi.spyOn(commands, 'listAchievements').mockResolvedValue({
		status: 'ok',
		data: [achievement(1, '2025-12-20', 'Winter show'), achievement(2, '2026-04-01', 'Spring recital')]
	});
	const page = mount(AchievementsPage, { target, props: { studentId: 7 } });
	try {
		await settle();
		expect(q('achievements-title')!.textContent).toContain('王小明');
		expect(q<HTMLAnchorElement>('achievements-back')!.getAttribute('href')).toBe('/families/4');
		expect(all('achievement-item-title').map((e) => e.textContent)).toEqual(['Spring recital', 'Winter show']);
	} finally {
		void unmount(page);
	}
});

it('adds an achievement dated today, and shows a refused field beside it', async () => {
	const list = vi.spyOn(commands, 'listAchievements').mockResolvedValue({ status: 'ok', data: [] });
	const save = vi
		.spyOn(commands, 'saveAchievement')
		.mockResolvedValueOnce({ status: 'error', error: { kind: 'validation', field: 'title', code: 'required' } })
		.mockResolvedValueOnce({ status: 'ok', data: achievement(5, localDate(new Date()), 'Grade 3') });
	const page = mount(AchievementsPage, { target, props: { studentId: 7 } });
	try {
		await settle();
		expect(q('achievements-empty')).not.toBeNull();
		q<HTMLButtonElement>('achievement-add')!.click();
		flushSync();
		expect(q<HTMLInputElement>('achievement-date')!.value).toBe(localDate(new Date()));

		await submit();
		expect(q('field-error')!.textContent).toBe('Required');

		list.mockResolvedValue({ status: 'ok', data: [achievement(5, localDate(new Date()), 'Grade 3')] });
		type('achievement-title', 'Grade 3');
		type('achievement-result', 'Merit');
		await submit();
		expect(save).toHaveBeenLastCalledWith(null, {
			studentId: 7,
			kind: 'performance',
			title: 'Grade 3',
			result: 'Merit',
			occurredOn: localDate(new Date()),
			description: null
		});
		expect(q('achievement-form')).toBeNull();
		expect(all('achievement-item')).toHaveLength(1);
	} finally {
		void unmount(page);
	}
});
