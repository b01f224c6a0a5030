import { afterEach, describe, expect, it } from 'vitest';
import { applyLocale } from '$lib/i18n/locale.svelte';
import { ACHIEVEMENT_KINDS, GOALS, OPPORTUNITY_KINDS, achievementKindLabel, goalLabel, opportunityKindLabel, problemText } from './labels';

afterEach(() => applyLocale('en'));

describe('script labels', () => {
	it('name every goal and kind distinctly in both languages', () => {
		for (const locale of ['en', 'zh-CN'] as const) {
			applyLocale(locale);
			for (const words of [GOALS.map(goalLabel), ACHIEVEMENT_KINDS.map(achievementKindLabel), OPPORTUNITY_KINDS.map(opportunityKindLabel)]) {
				expect(new Set(words).size).toBe(words.length);
				for (const w of words) expect(w).not.toMatch(/_/);
			}
		}
	});

	it('point at the line of a template problem', () => {
		expect(problemText({ kind: 'unknown_name', line: 2, detail: 'undefined value' })).toContain('Line 2');
		applyLocale('zh-CN');
		expect(problemText({ kind: 'syntax', line: 7, detail: '' })).toContain('第 7 行');
		expect(problemText({ kind: 'too_long', line: null, detail: '' })).toBe('模板无法填写。');
	});
});
