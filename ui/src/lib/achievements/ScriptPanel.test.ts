// The script panel asks for a new script whenever the goal or language changes, starts in the
// UI language, says when the parent is not tagged, and copies the text.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { commands, type Script, type ScriptRequest } from '$lib/ipc';
import { applyLocale } from '$lib/i18n/locale.svelte';
import ScriptPanel from './ScriptPanel.svelte';

function script(req: ScriptRequest, tagged: boolean): Script {
	return {
		studentId: req.studentId,
		courseId: 2,
		guardianId: 3,
		motivation: tagged ? 'future' : 'interest',
		tagged,
		goal: req.goal,
		locale: req.locale,
		text: `${req.goal}/${req.locale}\nsecond line`,
		problem: null
	};
}

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
const settle = async () => {
	for (let i = 0; i < 5; i++) await Promise.resolve();
	flushSync();
};
function choose(id: string, value: string) {
	const el = q<HTMLSelectElement>(id)!;
	el.value = value;
	el.dispatchEvent(new Event('change', { bubbles: true }));
	flushSync();
}

it('regenerates on every change and copies the text', async () => {
	applyLocale('zh-CN');
	const generate = vi.spyOn(commands, 'generateScript').mockImplementation(async (req) => ({ status: 'ok', data: script(req, true) }));
	const writeText = vi.fn().mockResolvedValue(undefined);
	Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
	const panel = mount(ScriptPanel, { target, props: { studentId: 7, familyId: 1 } });
	try {
		await settle();
		expect(generate).toHaveBeenLastCalledWith({ studentId: 7, courseId: null, guardianId: null, goal: 'renew', locale: 'zh-CN', template: null });
		expect(q('script-text')!.textContent).toBe('renew/zh-CN\nsecond line');
		expect(q('script-untagged')).toBeNull();

		choose('script-goal', 'progress');
		await settle();
		choose('script-locale', 'en');
		await settle();
		expect(generate).toHaveBeenCalledTimes(3);
		expect(generate).toHaveBeenLastCalledWith(expect.objectContaining({ goal: 'progress', locale: 'en' }));
		expect(q('script-text')!.textContent).toBe('progress/en\nsecond line');

		q<HTMLButtonElement>('script-copy')!.click();
		await settle();
		expect(writeText).toHaveBeenCalledWith('progress/en\nsecond line');
		expect(q('script-copied')!.textContent).toBe('已复制');
	} finally {
		void unmount(panel);
	}
});

it('points to the family page when the parent has no type yet', async () => {
	vi.spyOn(commands, 'generateScript').mockImplementation(async (req) => ({ status: 'ok', data: script(req, false) }));
	const panel = mount(ScriptPanel, { target, props: { studentId: 7, familyId: 12 } });
	try {
		await settle();
		expect(q('script-untagged')!.textContent).toContain('Interest & growth');
		expect(q<HTMLAnchorElement>('script-family-link')!.getAttribute('href')).toBe('/families/12');
	} finally {
		void unmount(panel);
	}
});

it('explains that a student without a course has no script yet', async () => {
	vi.spyOn(commands, 'generateScript').mockResolvedValue({ status: 'error', error: { kind: 'validation', field: 'courseId', code: 'required' } });
	const panel = mount(ScriptPanel, { target, props: { studentId: 7, familyId: 12 } });
	try {
		await settle();
		expect(q('script-error')!.textContent).toContain('needs a course');
		expect(q('script-text')).toBeNull();
	} finally {
		void unmount(panel);
	}
});
