import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { m } from '$lib/paraglide/messages.js';
import { getLocale, setLocale } from '$lib/paraglide/runtime.js';
import { applyLocale, currentLocale, isLocale } from './locale.svelte';
import LanguagePicker from '$lib/app/LanguagePicker.svelte';

afterEach(() => {
	applyLocale('en');
	document.body.innerHTML = '';
});

describe('locale', () => {
	it('starts in English', () => {
		expect(currentLocale()).toBe('en');
		expect(m.app_title()).toBe('Encore');
	});

	it('switching locale changes message output', () => {
		applyLocale('zh-CN');
		expect(currentLocale()).toBe('zh-CN');
		expect(getLocale()).toBe('zh-CN');
		expect(m.app_title()).toBe('安可');
		expect(document.documentElement.lang).toBe('zh-CN');
		applyLocale('en');
		expect(m.app_title()).toBe('Encore');
	});

	it("paraglide's own setLocale goes through applyLocale and never reloads", () => {
		setLocale('zh-CN');
		expect(currentLocale()).toBe('zh-CN');
		expect(m.app_tagline()).toBe('学员档案、课时与续费，一处管理');
	});

	it('rejects unsupported locales', () => {
		expect(() => applyLocale('fr' as never)).toThrow(/unsupported locale/);
		expect(isLocale('zh-CN')).toBe(true);
		expect(isLocale('zh')).toBe(false);
	});

	it('the language picker switches the whole UI without a reload', () => {
		const target = document.createElement('div');
		document.body.appendChild(target);
		const picker = mount(LanguagePicker, { target });
		try {
			const select = target.querySelector<HTMLSelectElement>('[data-testid="lang-select"]')!;
			expect(select.value).toBe('en');
			select.value = 'zh-CN';
			select.dispatchEvent(new Event('change', { bubbles: true }));
			flushSync();
			expect(currentLocale()).toBe('zh-CN');
			expect(m.nav_families()).toBe('家庭');
			applyLocale('en');
			flushSync();
			expect(select.value).toBe('en');
		} finally {
			void unmount(picker);
		}
	});
});
