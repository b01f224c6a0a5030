import { afterEach, describe, expect, it } from 'vitest';
import { applyLocale } from '$lib/i18n/locale.svelte';
import { LEAD_SOURCES, LEAD_STATES, leadStateLabel, sourceLabel, trialOutcomeLabel } from './labels';
import { STAGES, stageLabel } from '$lib/lifecycle/labels';
import type { TrialOutcome } from '$lib/ipc';

afterEach(() => applyLocale('en'));

const OUTCOMES: TrialOutcome[] = ['pending', 'attended', 'no_show', 'enrolled', 'declined'];

function bilingual(labels: () => string[]) {
	applyLocale('en');
	const en = labels();
	applyLocale('zh-CN');
	const zh = labels();
	for (const [i, word] of en.entries()) {
		expect(word.trim()).not.toBe('');
		expect(zh[i]).toMatch(/[\u4e00-\u9fff]/);
	}
	expect(new Set(en).size, 'no two codes read the same').toBe(en.length);
}

describe('lead and stage labels', () => {
	it('every code reads in words in both languages', () => {
		bilingual(() => LEAD_SOURCES.map(sourceLabel));
		bilingual(() => LEAD_STATES.map(leadStateLabel));
		bilingual(() => OUTCOMES.map(trialOutcomeLabel));
		bilingual(() => STAGES.map(stageLabel));
	});
});
