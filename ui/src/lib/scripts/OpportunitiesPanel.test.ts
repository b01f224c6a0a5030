// Opportunities: listed soonest first in words, added with "all courses" and "any" as none,
// a level range error shown beside the highest level, edited and archived.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { commands, type Course, type Opportunity, type OpportunityInput } from '$lib/ipc';
import { applyLocale } from '$lib/i18n/locale.svelte';
import OpportunitiesPanel from './OpportunitiesPanel.svelte';

const courses = [
	{ id: 3, name: '钢琴', format: 'private', lessonHours: 1, archivedAt: null },
	{ id: 4, name: 'Ballet', format: 'group', lessonHours: 1.5, archivedAt: null }
] as Course[];

const recital: Opportunity = {
	id: 1,
	kind: 'recital',
	title: 'Spring recital',
	happensOn: '2031-05-10',
	courseId: 3,
	courseName: '钢琴',
	levelMin: 'intermediate',
	levelMax: null,
	description: 'Concert hall'
};
const camp: Opportunity = { ...recital, id: 2, kind: 'camp', title: 'Summer camp', happensOn: '2031-04-01', courseId: null, courseName: null, levelMin: null, description: null };

let target: HTMLElement;
beforeEach(() => {
	target = document.createElement('div');
	document.body.appendChild(target);
});
afterEach(() => {
	applyLocale('en');
	document.body.innerHTML = '';
});

const q = <T extends Element>(id: string) => target.querySelector<T>(`[data-testid="${id}"]`);
const all = (id: string) => [...target.querySelectorAll(`[data-testid="${id}"]`)];

function set(id: string, value: string, event = 'input') {
	const el = q<HTMLInputElement | HTMLSelectElement>(id)!;
	if (el instanceof HTMLSelectElement) {
		el.selectedIndex = [...el.options].findIndex((o) => o.textContent === value);
	} else {
		el.value = value;
	}
	el.dispatchEvent(new Event(event, { bubbles: true }));
	flushSync();
}

async function settle() {
	await new Promise((r) => setTimeout(r, 0));
	flushSync();
}

async function submit() {
	q<HTMLFormElement>('opportunity-form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
	await settle();
}

it('lists soonest first with course and level range in words', async () => {
	vi.spyOn(commands, 'listOpportunities').mockResolvedValue({ status: 'ok', data: [recital, camp] });
	const panel = mount(OpportunitiesPanel, { target, props: { courses } });
	try {
		await settle();
		const items = all('opportunity-item').map((li) => li.textContent!.replace(/\s+/g, ' '));
		expect(items[0]).toContain('2031-04-01');
		expect(items[0]).toContain('Camp');
		expect(items[0]).toContain('All courses · All levels');
		expect(items[1]).toContain('Spring recital');
		expect(items[1]).toContain('钢琴 · Intermediate and above');
		applyLocale('zh-CN');
		flushSync();
		expect(all('opportunity-item')[1]!.textContent).toContain('钢琴 · 中级及以上');
		expect(all('opportunity-item')[0]!.textContent).toContain('所有课程 · 所有级别');
	} finally {
		void unmount(panel);
	}
});

it('adds one for all courses and any level, and shows a level range error beside the highest level', async () => {
	vi.spyOn(commands, 'listOpportunities').mockResolvedValue({ status: 'ok', data: [] });
	const save = vi
		.spyOn(commands, 'saveOpportunity')
		.mockResolvedValueOnce({ status: 'error', error: { kind: 'validation', field: 'levelMax', code: 'level_range' } })
		.mockResolvedValue({ status: 'ok', data: camp });
	const panel = mount(OpportunitiesPanel, { target, props: { courses } });
	try {
		await settle();
		expect(q('opportunity-empty')).not.toBeNull();
		await submit();
		expect(save).not.toHaveBeenCalled();
		expect(q('opportunity-date')!.closest('label')!.querySelector('.field-error')!.textContent).toBe('Required');

		set('opportunity-kind', 'Camp', 'change');
		set('opportunity-title', ' Summer camp ');
		set('opportunity-date', '2031-04-01');
		set('opportunity-level-min', 'Advanced', 'change');
		set('opportunity-level-max', 'Beginner', 'change');
		await submit();
		const first = save.mock.calls[0]!;
		expect(first[0]).toBeNull();
		expect(first[1]).toEqual<OpportunityInput>({
			kind: 'camp',
			title: 'Summer camp',
			happensOn: '2031-04-01',
			courseId: null,
			levelMin: 'advanced',
			levelMax: 'beginner',
			description: null
		});
		const maxField = q('opportunity-level-max')!.closest('label')!;
		expect(maxField.querySelector('.field-error')!.textContent).toBe('The lowest level must not be above the highest.');
		expect(q('opportunity-level-max')!.getAttribute('aria-invalid')).toBe('true');

		set('opportunity-level-min', 'Any', 'change');
		set('opportunity-course', 'Ballet', 'change');
		await submit();
		expect(save.mock.calls[1]![1]).toMatchObject({ courseId: 4, levelMin: null, levelMax: 'beginner' });
		// A fresh, blank form after saving.
		expect(q<HTMLInputElement>('opportunity-title')!.value).toBe('');
	} finally {
		void unmount(panel);
	}
});

it('edits an existing one in place and archives another', async () => {
	const list = vi.spyOn(commands, 'listOpportunities').mockResolvedValue({ status: 'ok', data: [recital, camp] });
	const save = vi.spyOn(commands, 'saveOpportunity').mockResolvedValue({ status: 'ok', data: recital });
	const archive = vi.spyOn(commands, 'archiveOpportunity').mockResolvedValue({ status: 'ok', data: null });
	const panel = mount(OpportunitiesPanel, { target, props: { courses } });
	try {
		await settle();
		(all('opportunity-edit')[1] as HTMLButtonElement).click();
		flushSync();
		expect(q<HTMLInputElement>('opportunity-title')!.value).toBe('Spring recital');
		expect(q<HTMLSelectElement>('opportunity-course')!.selectedOptions[0]!.textContent).toBe('钢琴');
		expect(q<HTMLSelectElement>('opportunity-level-min')!.selectedOptions[0]!.textContent).toBe('Intermediate');
		set('opportunity-title', 'Spring recital 2031');
		await submit();
		expect(save.mock.calls[0]![0]).toBe(1);
		expect(save.mock.calls[0]![1]).toMatchObject({ title: 'Spring recital 2031', courseId: 3, levelMin: 'intermediate', description: 'Concert hall' });

		list.mockResolvedValue({ status: 'ok', data: [recital] });
		(all('opportunity-archive')[0] as HTMLButtonElement).click();
		await settle();
		expect(archive).toHaveBeenCalledWith(2);
		expect(all('opportunity-item')).toHaveLength(1);
	} finally {
		void unmount(panel);
	}
});
