// Next term's plans: one box per active course and level, prefilled, saved with a
// confirmation, and a blank box removes the plan.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { commands, type Course } from '$lib/ipc';
import TermPlans from './TermPlans.svelte';

const courses = [
	{ id: 3, name: '钢琴', format: 'private', lessonHours: 1, archivedAt: null },
	{ id: 4, name: 'Ballet', format: 'group', lessonHours: 1.5, archivedAt: null }
] as Course[];

let target: HTMLElement;
beforeEach(() => {
	target = document.createElement('div');
	document.body.appendChild(target);
});
afterEach(() => {
	document.body.innerHTML = '';
});

const all = <T extends Element>(id: string) => [...target.querySelectorAll<T>(`[data-testid="${id}"]`)];

async function settle() {
	await new Promise((r) => setTimeout(r, 0));
	flushSync();
}

it('prefills each course and level, saves, and removes a blanked plan', async () => {
	vi.spyOn(commands, 'listTermPlans').mockResolvedValue({
		status: 'ok',
		data: [{ courseId: 4, level: 'intermediate', body: 'Pointe work' }]
	});
	const set = vi.spyOn(commands, 'setTermPlan').mockResolvedValue({ status: 'ok', data: null });
	const plans = mount(TermPlans, { target, props: { courses } });
	try {
		await settle();
		const boxes = all<HTMLTextAreaElement>('plan-text');
		expect(boxes).toHaveLength(6);
		expect(boxes.map((b) => b.value)).toEqual(['', '', '', '', 'Pointe work', '']);

		boxes[0]!.value = 'Scales in all keys';
		boxes[0]!.dispatchEvent(new Event('input', { bubbles: true }));
		flushSync();
		all<HTMLButtonElement>('plan-save')[0]!.click();
		await settle();
		expect(set).toHaveBeenCalledWith(3, 'beginner', 'Scales in all keys');
		expect(all('plan-saved').map((s) => s.textContent)).toEqual(['Saved.']);

		boxes[4]!.value = '  ';
		boxes[4]!.dispatchEvent(new Event('input', { bubbles: true }));
		flushSync();
		all<HTMLButtonElement>('plan-save')[4]!.click();
		await settle();
		expect(set).toHaveBeenLastCalledWith(4, 'intermediate', '  ');
		expect(all('plan-saved').map((s) => s.textContent)).toEqual(['Saved.', 'Plan removed.']);
		expect(boxes[4]!.value).toBe('');
	} finally {
		void unmount(plans);
	}
});
