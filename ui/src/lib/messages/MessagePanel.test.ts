// The message panel writes again on every choice, explains what is missing in words, and
// copies before it logs, so the timeline only records what reached the clipboard.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { mount, unmount } from 'svelte';
import { commands, type Message, type MessageRequest, type Staff } from '$lib/ipc';
import { applyLocale } from '$lib/i18n/locale.svelte';
import { byTestId, chooseOption, freshTarget, settle } from '$lib/app/testing';
import MessagePanel from './MessagePanel.svelte';

const staff: Staff[] = [{ id: 4, name: '王老师', role: 'admin', archivedAt: null }];

function message(req: MessageRequest, over: Partial<Message> = {}): Message {
	return {
		familyId: req.familyId,
		familyName: '张家',
		studentId: 9,
		studentName: '张小明',
		guardianId: 3,
		goal: req.goal,
		motivation: 'future',
		tagged: true,
		locale: req.locale,
		text: `${req.goal}/${req.locale}`,
		missing: null,
		problem: null,
		...over
	};
}

let target: HTMLElement;
beforeEach(() => (target = freshTarget()));
afterEach(() => applyLocale('en'));

const q = <T extends Element>(id: string) => byTestId<T>(target, id);
const choose = (id: string, value: string) => chooseOption(target, id, value);

it('writes for the chosen goal and language, copies, then logs', async () => {
	const compose = vi.spyOn(commands, 'composeMessage').mockImplementation(async (req) => ({ status: 'ok', data: message(req) }));
	const log = vi.spyOn(commands, 'logCopiedMessage').mockResolvedValue({ status: 'ok', data: 77 });
	// The copy command is refused here, so the clipboard API is the one that copies.
	document.execCommand = vi.fn().mockReturnValue(false);
	const writeText = vi.fn().mockResolvedValue(undefined);
	Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
	const onlogged = vi.fn();
	const panel = mount(MessagePanel, { target, props: { familyId: 1, students: [], staff, onlogged } });
	await settle();
	expect(q<HTMLTextAreaElement>('message-text')!.value).toBe('renewal_reminder/en');

	choose('message-goal', 'progress_update');
	choose('message-locale', 'zh-CN');
	await settle();
	expect(compose).toHaveBeenLastCalledWith(expect.objectContaining({ goal: 'progress_update', locale: 'zh-CN', motivation: null }));
	expect(q<HTMLTextAreaElement>('message-text')!.value).toBe('progress_update/zh-CN');

	choose('message-channel', 'sms');
	q<HTMLButtonElement>('message-copy')!.click();
	await settle();
	expect(writeText).toHaveBeenCalledWith('progress_update/zh-CN');
	expect(log).toHaveBeenCalledWith({
		familyId: 1,
		studentId: 9,
		goal: 'progress_update',
		channel: 'sms',
		text: 'progress_update/zh-CN',
		staffId: 4
	});
	expect(onlogged).toHaveBeenCalledOnce();
	expect(q('message-copied')).not.toBeNull();
	unmount(panel);
});

it('says in the UI language why no message can be written, and offers no copy', async () => {
	applyLocale('zh-CN');
	vi.spyOn(commands, 'composeMessage').mockImplementation(async (req) => ({
		status: 'ok',
		data: message(req, { text: null, missing: 'no_event' })
	}));
	const panel = mount(MessagePanel, { target, props: { familyId: 1, students: [], staff, onlogged: () => {} } });
	await settle();
	expect(q('message-missing')!.textContent).toContain('没有适合');
	expect(q('message-copy')).toBeNull();
	unmount(panel);
});

it('does not log a message that could not be copied', async () => {
	vi.spyOn(commands, 'composeMessage').mockImplementation(async (req) => ({ status: 'ok', data: message(req) }));
	const log = vi.spyOn(commands, 'logCopiedMessage');
	Object.defineProperty(navigator, 'clipboard', { value: { writeText: vi.fn().mockRejectedValue(new Error('no')) }, configurable: true });
	document.execCommand = vi.fn().mockReturnValue(false);
	const panel = mount(MessagePanel, { target, props: { familyId: 1, students: [], staff, onlogged: () => {} } });
	await settle();
	q<HTMLButtonElement>('message-copy')!.click();
	await settle();
	expect(log).not.toHaveBeenCalled();
	unmount(panel);
});
