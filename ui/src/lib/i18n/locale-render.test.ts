// Proves the locale module's core promise: switching locale re-renders mounted components
// in place (no reload, no {#key} needed for template strings).
import { afterEach, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { applyLocale, currentLocale } from './locale.svelte';
import LocaleProbe from './test-fixtures/LocaleProbe.svelte';

afterEach(() => {
	applyLocale('en');
	document.body.innerHTML = '';
});

it('a mounted component re-renders in the new language without a reload', () => {
	const target = document.createElement('div');
	document.body.appendChild(target);
	const probe = mount(LocaleProbe, { target });
	try {
		const title = () => target.querySelector('[data-testid="probe-title"]')?.textContent;
		const node = target.querySelector('[data-testid="probe-title"]');
		expect(title()).toBe('Encore');

		applyLocale('zh-CN');
		flushSync();
		expect(title()).toBe('安可');
		// Updated in place: the same DOM node, not a re-mount.
		expect(target.querySelector('[data-testid="probe-title"]')).toBe(node);

		// Switching from an event handler inside a component works too.
		target.querySelector<HTMLButtonElement>('[data-testid="probe-switch"]')?.click();
		flushSync();
		expect(currentLocale()).toBe('en');
		expect(title()).toBe('Encore');
	} finally {
		void unmount(probe);
	}
});
