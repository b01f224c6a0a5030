// The template editor previews exactly the text being edited, after a pause in typing, points
// at the line of a problem, saves, and restores the shipped text only after confirmation.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { commands, type Script, type ScriptRequest, type StudentRow, type Template } from '$lib/ipc';
import { applyLocale } from '$lib/i18n/locale.svelte';
import TemplateEditor from './TemplateEditor.svelte';

const students = [
	{ id: 11, name: '张小明' },
	{ id: 12, name: 'Lily Chen' }
] as unknown as StudentRow[];

const shipped = (over: Partial<Template> = {}): Template => ({
	motivation: 'future',
	goal: 'renew',
	locale: 'en',
	body: 'Hi {{ guardian.address }}',
	edited: false,
	...over
});

/** Renders `{{ student.name }}` and refuses any other unknown name, like the engine. */
function fakeGenerate(req: ScriptRequest): Script {
	const text = req.template ?? '';
	const lines = text.split('\n');
	const bad = lines.findIndex((l) => l.includes('{{ nope }}'));
	const name = students.find((s) => s.id === req.studentId)!.name;
	return {
		studentId: req.studentId,
		courseId: 1,
		guardianId: 1,
		motivation: 'future',
		tagged: true,
		goal: req.goal,
		locale: req.locale,
		text: bad >= 0 ? null : text.replaceAll('{{ student.name }}', name).replaceAll('{{ guardian.address }}', 'Ms Zhang'),
		problem: bad >= 0 ? { kind: 'unknown_name', line: bad + 1, detail: 'undefined value' } : null
	};
}

let target: HTMLElement;
beforeEach(() => {
	vi.useFakeTimers();
	target = document.createElement('div');
	document.body.appendChild(target);
	// jsdom has no <dialog> methods.
	HTMLDialogElement.prototype.showModal = function () {
		this.setAttribute('open', '');
	};
	vi.spyOn(commands, 'listStudents').mockResolvedValue({ status: 'ok', data: students });
});
afterEach(() => {
	vi.useRealTimers();
	applyLocale('en');
	document.body.innerHTML = '';
});

const q = <T extends Element>(id: string) => target.querySelector<T>(`[data-testid="${id}"]`);

function type(value: string) {
	const el = q<HTMLTextAreaElement>('template-body')!;
	el.value = value;
	el.dispatchEvent(new Event('input', { bubbles: true }));
	flushSync();
}

async function settle(ms = 0) {
	await vi.advanceTimersByTimeAsync(ms);
	flushSync();
}

it('previews the edited text for the first student, once per pause in typing', async () => {
	vi.spyOn(commands, 'getScriptTemplate').mockResolvedValue({ status: 'ok', data: shipped() });
	const generate = vi.spyOn(commands, 'generateScript').mockImplementation(async (r) => ({ status: 'ok', data: fakeGenerate(r) }));
	const editor = mount(TemplateEditor, { target, props: { active: true } });
	try {
		await settle(300);
		expect(q<HTMLTextAreaElement>('template-body')!.value).toBe('Hi {{ guardian.address }}');
		expect(q('template-state')!.textContent!.trim()).toBe("Encore's original text");
		expect(q('template-preview')!.textContent).toBe('Hi Ms Zhang');
		expect(generate.mock.calls.at(-1)![0]).toEqual({
			studentId: 11,
			courseId: null,
			guardianId: null,
			goal: 'renew',
			locale: 'en',
			template: 'Hi {{ guardian.address }}'
		});

		const calls = generate.mock.calls.length;
		type('Hi {{ student.name }}');
		await settle(100);
		type('Dear {{ student.name }}');
		await settle(299);
		expect(generate.mock.calls.length).toBe(calls);
		await settle(1);
		expect(generate.mock.calls.length).toBe(calls + 1);
		expect(q('template-preview')!.textContent).toBe('Dear 张小明');
		expect(q('template-dirty')).not.toBeNull();

		const pick = q<HTMLSelectElement>('template-student')!;
		pick.value = pick.options[1]!.value;
		pick.dispatchEvent(new Event('change', { bubbles: true }));
		await settle(300);
		expect(q('template-preview')!.textContent).toBe('Dear Lily Chen');
	} finally {
		void unmount(editor);
	}
});

it('names the line of a problem, marks it, and refuses to save', async () => {
	vi.spyOn(commands, 'getScriptTemplate').mockResolvedValue({ status: 'ok', data: shipped() });
	vi.spyOn(commands, 'generateScript').mockImplementation(async (r) => ({ status: 'ok', data: fakeGenerate(r) }));
	const save = vi
		.spyOn(commands, 'saveScriptTemplate')
		.mockResolvedValue({ status: 'ok', data: { kind: 'unknown_name', line: 2, detail: '' } });
	const editor = mount(TemplateEditor, { target, props: { active: true } });
	try {
		await settle(300);
		type('Hello\n{{ nope }}\nBye');
		await settle(300);
		expect(q('template-preview')).toBeNull();
		expect(q('template-problem')!.textContent).toContain('Line 2');
		expect(q('template-problem-line')!.textContent).toBe('{{ nope }}');
		expect(q('template-bad-line')!.textContent).toBe('2');

		q<HTMLButtonElement>('template-save')!.click();
		await settle();
		expect(save).toHaveBeenCalledWith('future', 'renew', 'en', 'Hello\n{{ nope }}\nBye');
		expect(q('template-save-problem')!.textContent).toContain('Line 2');
		expect(q('template-saved')).toBeNull();
	} finally {
		void unmount(editor);
	}
});

it('saves, then restores the shipped text only after confirming', async () => {
	const get = vi.spyOn(commands, 'getScriptTemplate').mockResolvedValue({ status: 'ok', data: shipped() });
	vi.spyOn(commands, 'generateScript').mockImplementation(async (r) => ({ status: 'ok', data: fakeGenerate(r) }));
	vi.spyOn(commands, 'saveScriptTemplate').mockResolvedValue({ status: 'ok', data: null });
	const restore = vi.spyOn(commands, 'restoreScriptTemplate').mockResolvedValue({ status: 'ok', data: shipped() });
	const editor = mount(TemplateEditor, { target, props: { active: true } });
	try {
		await settle(300);
		type('Our own words');
		get.mockResolvedValue({ status: 'ok', data: shipped({ body: 'Our own words', edited: true }) });
		q<HTMLButtonElement>('template-save')!.click();
		await settle();
		expect(q('template-saved')).not.toBeNull();
		expect(q('template-state')!.textContent!.trim()).toBe('Edited by your school');
		expect(q('template-dirty')).toBeNull();

		q<HTMLButtonElement>('template-restore')!.click();
		flushSync();
		expect(q('confirm-dialog')).not.toBeNull();
		q<HTMLButtonElement>('confirm-no')!.click();
		flushSync();
		expect(restore).not.toHaveBeenCalled();

		q<HTMLButtonElement>('template-restore')!.click();
		flushSync();
		q<HTMLButtonElement>('confirm-yes')!.click();
		await settle();
		expect(restore).toHaveBeenCalledWith('future', 'renew', 'en');
		expect(q<HTMLTextAreaElement>('template-body')!.value).toBe('Hi {{ guardian.address }}');
		expect(q('template-state')!.textContent!.trim()).toBe("Encore's original text");
	} finally {
		void unmount(editor);
	}
});

it('asks before leaving unsaved changes for another template', async () => {
	const get = vi.spyOn(commands, 'getScriptTemplate').mockResolvedValue({ status: 'ok', data: shipped() });
	vi.spyOn(commands, 'generateScript').mockImplementation(async (r) => ({ status: 'ok', data: fakeGenerate(r) }));
	const editor = mount(TemplateEditor, { target, props: { active: true } });
	try {
		await settle(300);
		type('Half-written');
		const goal = q<HTMLSelectElement>('template-goal')!;
		goal.value = 'trial';
		goal.dispatchEvent(new Event('change', { bubbles: true }));
		flushSync();
		expect(goal.value).toBe('renew');
		expect(q('confirm-dialog')).not.toBeNull();
		get.mockResolvedValue({ status: 'ok', data: shipped({ goal: 'trial', body: 'Trial text' }) });
		q<HTMLButtonElement>('confirm-yes')!.click();
		await settle();
		expect(get).toHaveBeenLastCalledWith('future', 'trial', 'en');
		expect(q<HTMLTextAreaElement>('template-body')!.value).toBe('Trial text');
	} finally {
		void unmount(editor);
	}
});
