// The same editor edits message templates: their goals, their commands, a preview written for
// the type being edited about the chosen child's family, and a missing record said in words.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { commands, type Message, type MessageRequest, type MessageTemplate, type StudentRow } from '$lib/ipc';
import { applyLocale } from '$lib/i18n/locale.svelte';
import TemplateEditor from './TemplateEditor.svelte';
import { MESSAGE_TEMPLATES } from './kinds';

const students = [{ id: 11, familyId: 3, name: '张小明' }] as unknown as StudentRow[];

const stored: MessageTemplate = { motivation: 'future', goal: 'renewal_reminder', locale: 'en', body: 'Hi {{ guardian.address }}', edited: false };

function fakeCompose(req: MessageRequest, over: Partial<Message> = {}): Message {
	return {
		familyId: req.familyId,
		familyName: '张家',
		studentId: req.studentId,
		studentName: '张小明',
		guardianId: 1,
		goal: req.goal,
		motivation: req.motivation ?? 'interest',
		tagged: true,
		locale: req.locale,
		text: (req.template ?? '').replace('{{ guardian.address }}', 'Ms Zhang'),
		missing: null,
		problem: null,
		...over
	};
}

let target: HTMLElement;
beforeEach(() => {
	vi.useFakeTimers();
	target = document.createElement('div');
	document.body.appendChild(target);
	vi.spyOn(commands, 'listStudents').mockResolvedValue({ status: 'ok', data: students });
});
afterEach(() => {
	vi.useRealTimers();
	applyLocale('en');
	document.body.innerHTML = '';
});

const q = <T extends Element>(id: string) => target.querySelector<T>(`[data-testid="${id}"]`);
async function settle(ms = 0) {
	await vi.advanceTimersByTimeAsync(ms);
	flushSync();
}

it('loads, previews and saves a message template', async () => {
	const get = vi.spyOn(commands, 'getMessageTemplate').mockResolvedValue({ status: 'ok', data: stored });
	const compose = vi.spyOn(commands, 'composeMessage').mockImplementation(async (r) => ({ status: 'ok', data: fakeCompose(r) }));
	const save = vi.spyOn(commands, 'saveMessageTemplate').mockResolvedValue({ status: 'ok', data: null });
	const editor = mount(TemplateEditor, { target, props: { active: true, kind: MESSAGE_TEMPLATES } });
	try {
		await settle(300);
		expect(get).toHaveBeenCalledWith('future', 'renewal_reminder', 'en');
		expect([...q<HTMLSelectElement>('template-goal')!.options].map((o) => o.value)).toContain('win_back');
		expect(compose.mock.calls.at(-1)![0]).toEqual({
			familyId: 3,
			studentId: 11,
			goal: 'renewal_reminder',
			locale: 'en',
			motivation: 'future',
			template: 'Hi {{ guardian.address }}'
		});
		expect(q('template-preview')!.textContent).toBe('Hi Ms Zhang');
		expect(q('template-help')!.textContent).toContain('sign_off');

		q<HTMLButtonElement>('template-save')!.click();
		await settle();
		expect(save).toHaveBeenCalledWith('future', 'renewal_reminder', 'en', 'Hi {{ guardian.address }}');
		expect(q('template-saved')).not.toBeNull();
	} finally {
		void unmount(editor);
	}
});

it('says why the chosen child cannot be previewed', async () => {
	applyLocale('zh-CN');
	vi.spyOn(commands, 'getMessageTemplate').mockResolvedValue({ status: 'ok', data: stored });
	vi.spyOn(commands, 'composeMessage').mockImplementation(async (r) => ({ status: 'ok', data: fakeCompose(r, { text: null, missing: 'no_event' }) }));
	const editor = mount(TemplateEditor, { target, props: { active: true, kind: MESSAGE_TEMPLATES } });
	try {
		await settle(300);
		expect(q('template-preview-missing')!.textContent).toContain('没有适合');
	} finally {
		void unmount(editor);
	}
});
