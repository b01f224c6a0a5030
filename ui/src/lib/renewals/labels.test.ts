import { afterEach, describe, expect, it } from 'vitest';
import { applyLocale } from '$lib/i18n/locale.svelte';
import type { RenewalStatus } from '$lib/ipc';
import { DECLINE_REASONS, RISK_LEVELS, declineLabel, renewalStatusLabel, riskLabel } from './labels';

const STATUSES: RenewalStatus[] = ['to_contact', 'contacted', 'meeting_scheduled', 'renewed', 'postponed', 'declined'];

afterEach(() => applyLocale('en'));

describe('renewal labels', () => {
	it('name every status, decline reason and risk level differently in both languages', () => {
		for (const locale of ['en', 'zh-CN'] as const) {
			applyLocale(locale);
			const words = [...STATUSES.map(renewalStatusLabel), ...DECLINE_REASONS.map(declineLabel)];
			expect(new Set(words).size).toBe(words.length);
			const risks = RISK_LEVELS.map(riskLabel);
			expect(new Set(risks).size).toBe(3);
			for (const w of [...words, ...risks]) expect(w).not.toMatch(/_/);
		}
		applyLocale('zh-CN');
		expect(declineLabel('other_school')).toBe('选择了其他机构');
		expect(renewalStatusLabel('postponed')).toBe('暂缓');
	});
});
