// Photos show as thumbnails, videos as a badge with their name, and a refused file says why.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { commands, type Achievement } from '$lib/ipc';
import { applyLocale } from '$lib/i18n/locale.svelte';
import AchievementItem from './AchievementItem.svelte';

const achievement: Achievement = {
	id: 3,
	studentId: 7,
	kind: 'competition',
	title: '少儿钢琴比赛',
	result: '一等奖',
	occurredOn: '2026-04-18',
	description: null,
	media: [
		{ id: 1, achievementId: 3, storedName: 'a1.jpg', originalName: 'stage.jpg', mediaType: 'image', bytes: 1000 },
		{ id: 2, achievementId: 3, storedName: 'a2.mp4', originalName: 'final round.mp4', mediaType: 'video', bytes: 9000 }
	]
};

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
const settle = async () => {
	for (let i = 0; i < 5; i++) await Promise.resolve();
	flushSync();
};

it('shows a photo thumbnail and a video badge', async () => {
	const preview = vi.spyOn(commands, 'mediaPreview').mockResolvedValue({ status: 'ok', data: 'data:image/jpeg;base64,AAAA' });
	const item = mount(AchievementItem, { target, props: { achievement, onedit: () => {}, ondelete: () => {}, onchange: () => {} } });
	try {
		await settle();
		expect(preview).toHaveBeenCalledTimes(1);
		expect(preview).toHaveBeenCalledWith('a1.jpg');
		const thumbs = all('achievement-thumb');
		expect(thumbs).toHaveLength(2);
		expect(thumbs[0]!.getAttribute('src')).toBe('data:image/jpeg;base64,AAAA');
		expect(thumbs[1]!.textContent).toContain('Video');
		expect(thumbs[1]!.textContent).toContain('final round.mp4');
	} finally {
		void unmount(item);
	}
});

it('a refused file is explained in the UI language; an attached one reloads the list', async () => {
	applyLocale('zh-CN');
	vi.spyOn(commands, 'mediaPreview').mockResolvedValue({ status: 'ok', data: null });
	const attach = vi
		.spyOn(commands, 'attachMedia')
		.mockResolvedValueOnce({ status: 'error', error: { kind: 'validation', field: 'file', code: 'file_too_large' } })
		.mockResolvedValueOnce({ status: 'ok', data: null })
		.mockResolvedValueOnce({ status: 'ok', data: { ...achievement.media[0]!, id: 9 } });
	const onchange = vi.fn();
	const item = mount(AchievementItem, { target, props: { achievement, onedit: () => {}, ondelete: () => {}, onchange } });
	try {
		await settle();
		q<HTMLButtonElement>('achievement-attach')!.click();
		await settle();
		expect(attach).toHaveBeenCalledWith(3);
		expect(q('field-error')!.textContent).toBe('文件太大（照片不超过 20 MB，视频不超过 300 MB）。');
		expect(onchange).not.toHaveBeenCalled();

		// Cancelled dialog: nothing changes, the old message goes.
		q<HTMLButtonElement>('achievement-attach')!.click();
		await settle();
		expect(q('field-error')).toBeNull();
		expect(onchange).not.toHaveBeenCalled();

		q<HTMLButtonElement>('achievement-attach')!.click();
		await settle();
		expect(onchange).toHaveBeenCalledTimes(1);
	} finally {
		void unmount(item);
	}
});
