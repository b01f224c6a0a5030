// The brief prints in the parents' language, which may differ from the screen's: fixed words
// follow the brief's language, the toolbar follows the UI, and changing the language refetches.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { commands, type Brief, type Locale } from '$lib/ipc';
import { applyLocale } from '$lib/i18n/locale.svelte';
import BriefPage from './BriefPage.svelte';

function brief(locale: Locale, script: Brief['script'] = null): Brief {
	const zh = locale === 'zh-CN';
	return {
		schoolName: '星光艺术中心',
		familyId: 4,
		familyName: '王家',
		on: '2026-05-04',
		locale,
		guardians: [
			{ id: 1, name: '李梅', motivation: 'honors', motivationWords: zh ? '荣誉展示型' : 'Honors & showcase', talkingPoints: ['a', 'b', 'c'] },
			{ id: 2, name: '王强', motivation: null, motivationWords: null, talkingPoints: [] }
		],
		children: [
			{
				studentId: 11,
				name: '王小明',
				courses: [{ courseId: 2, courseName: '钢琴', teacher: '陈老师', lessons: 8, attended: 7, bought: 20, used: 16, left: 4, expiresOn: '2026-06-30' }],
				achievements: [
					{ id: 5, studentId: 11, kind: 'grading', title: 'ABRSM 3', result: 'Merit', occurredOn: '2026-04-02', description: null, media: [] }
				],
				opportunities: [
					{ id: 9, kind: 'recital', title: '春季音乐会', happensOn: '2026-06-01', courseId: 2, courseName: '钢琴', levelMin: null, levelMax: null, description: null }
				]
			}
		],
		script
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
const all = (id: string) => [...target.querySelectorAll(`[data-testid="${id}"]`)];
const settle = async () => {
	for (let i = 0; i < 5; i++) await Promise.resolve();
	flushSync();
};

it('opens in the UI language and refetches in the language chosen, labels following the brief', async () => {
	applyLocale('en');
	const get = vi.spyOn(commands, 'getBrief').mockImplementation(async (_id, locale) => ({ status: 'ok', data: brief(locale) }));
	const page = mount(BriefPage, { target, props: { familyId: 4 } });
	try {
		await settle();
		expect(get).toHaveBeenLastCalledWith(4, 'en');
		expect(q('brief')!.textContent).toContain('Parent meeting brief');
		expect(q('brief')!.textContent).toContain('Recital');

		const select = q<HTMLSelectElement>('brief-locale')!;
		select.value = 'zh-CN';
		select.dispatchEvent(new Event('change', { bubbles: true }));
		await settle();
		expect(get).toHaveBeenLastCalledWith(4, 'zh-CN');
		const sheet = q('brief')!;
		expect(sheet.getAttribute('lang')).toBe('zh-CN');
		expect(sheet.textContent).toContain('家长面谈简报');
		expect(sheet.textContent).toContain('汇报演出');
		expect(sheet.textContent).toContain('考级');
		expect(sheet.textContent).not.toContain('Parent meeting brief');
		// The toolbar stays in the UI's language.
		expect(q('brief-print')!.textContent).toBe('Print');
	} finally {
		void unmount(page);
	}
});

it('shows types, three talking points, figures, opportunities and the script', async () => {
	applyLocale('zh-CN');
	const script = {
		studentId: 11,
		courseId: 2,
		guardianId: 2,
		motivation: 'interest' as const,
		tagged: false,
		goal: 'renew' as const,
		locale: 'en' as const,
		text: 'Line one\nLine two',
		problem: null
	};
	vi.spyOn(commands, 'getBrief').mockResolvedValue({ status: 'ok', data: brief('en', script) });
	const page = mount(BriefPage, { target, props: { familyId: 4 } });
	try {
		await settle();
		expect(q('brief-school')!.textContent).toBe('星光艺术中心');
		expect(all('brief-motivation').map((e) => e.textContent!.trim())).toEqual(['Honors & showcase', 'Not tagged yet']);
		expect(all('brief-talking-point').map((e) => e.textContent)).toEqual(['a', 'b', 'c']);
		expect(q('brief-attendance')!.textContent).toBe('7/8');
		expect(q('brief-hours-left')!.textContent).toBe('4');
		expect(all('brief-opportunity')).toHaveLength(1);
		expect(all('brief-opportunity')[0]!.textContent).toContain('2026-06-01');
		expect(q('brief-script')!.textContent).toBe('Line one\nLine two');
		expect(q('brief-script-untagged')!.textContent).toContain('Interest & growth');
		expect(q('brief')!.textContent).toContain('For 王小明, 钢琴');
	} finally {
		void unmount(page);
	}
});

it('says so when there is no script', async () => {
	vi.spyOn(commands, 'getBrief').mockResolvedValue({ status: 'ok', data: brief('zh-CN') });
	const page = mount(BriefPage, { target, props: { familyId: 4 } });
	try {
		await settle();
		expect(q('brief-script')).toBeNull();
		expect(q('brief-no-script')!.textContent).toBe('暂无续费话术：孩子们还没有课时。');
	} finally {
		void unmount(page);
	}
});
