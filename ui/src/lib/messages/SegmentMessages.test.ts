// Segment messages: one per family, ready ones by name with a Copy each (copied, then noted
// on that family's timeline), and the families without one listed with their reason in words.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { mount, unmount } from 'svelte';
import { commands, type Message, type Staff } from '$lib/ipc';
import { applyLocale } from '$lib/i18n/locale.svelte';
import { byTestId, chooseOption, freshTarget, settle } from '$lib/app/testing';
import SegmentMessages from './SegmentMessages.svelte';
import { splitMessages } from './segment';

const staff: Staff[] = [{ id: 4, name: '王老师', role: 'admin', archivedAt: null }];

function message(familyId: number, familyName: string, over: Partial<Message> = {}): Message {
	return {
		familyId,
		familyName,
		studentId: familyId * 10,
		studentName: `${familyName}的孩子`,
		guardianId: 1,
		goal: 'renewal_reminder',
		motivation: 'future',
		tagged: true,
		locale: 'en',
		text: `hello ${familyName}`,
		missing: null,
		problem: null,
		...over
	};
}

let target: HTMLElement;
beforeEach(() => (target = freshTarget()));
afterEach(() => applyLocale('en'));

it('splits ready messages from reasons, each by family name in pinyin order', () => {
	const { ready, without } = splitMessages([
		message(1, '张家'),
		message(2, '李家', { text: null, missing: 'no_event' }),
		message(3, '王家'),
		message(4, '陈家', { text: null, problem: { kind: 'syntax', line: 2, detail: '' } })
	]);
	expect(ready.map((r) => r.familyName)).toEqual(['王家', '张家']);
	expect(without.map((w) => w.familyName)).toEqual(['陈家', '李家']);
	expect(without.map((w) => w.reason)).toEqual([expect.stringContaining('Line 2'), expect.stringContaining('nothing upcoming')]);
});

it('writes for the segment, copies one family and notes it; reasons are in the UI language', async () => {
	applyLocale('zh-CN');
	vi.spyOn(commands, 'listSegments').mockResolvedValue({ status: 'ok', data: [] });
	vi.spyOn(commands, 'listStaff').mockResolvedValue({ status: 'ok', data: staff });
	const compose = vi.spyOn(commands, 'composeSegmentMessages').mockImplementation(async (_id, goal, locale) => ({
		status: 'ok',
		data: [message(1, '张家', { goal, locale, text: `${goal}/${locale}` }), message(2, '李家', { text: null, missing: 'messages_declined' })]
	}));
	const log = vi.spyOn(commands, 'logCopiedMessage').mockResolvedValue({ status: 'ok', data: 5 });
	document.execCommand = vi.fn().mockReturnValue(true);
	const page = mount(SegmentMessages, { target, props: { segmentId: 7 } });
	await settle();
	expect(compose).toHaveBeenLastCalledWith(7, 'renewal_reminder', 'zh-CN');

	chooseOption(target, 'segment-messages-goal', 'ask_feedback');
	chooseOption(target, 'segment-messages-channel', 'sms');
	await settle();
	expect(compose).toHaveBeenLastCalledWith(7, 'ask_feedback', 'zh-CN');
	expect(byTestId<HTMLTextAreaElement>(target, 'segment-message-text')!.value).toBe('ask_feedback/zh-CN');
	expect(byTestId(target, 'segment-message-reason')!.textContent).toContain('授权');

	byTestId<HTMLButtonElement>(target, 'segment-message-copy')!.click();
	await settle();
	expect(log).toHaveBeenCalledWith({ familyId: 1, studentId: 10, goal: 'ask_feedback', channel: 'sms', text: 'ask_feedback/zh-CN', staffId: 4 });
	expect(byTestId(target, 'segment-message-copied')).not.toBeNull();
	unmount(page);
});
