// Opportunities as the Scripts page shows and edits them.
import { m } from '$lib/paraglide/messages.js';
import { skillLevelLabel } from '$lib/i18n/labels';
import type { Opportunity, OpportunityInput } from '$lib/ipc';

/** A level range in words: "All levels", "Intermediate and above", "Beginner to intermediate"… */
export function levelRangeText(min: string | null, max: string | null): string {
	if (min === null && max === null) return m.opportunity_levels_all();
	if (max === null) return m.opportunity_levels_from({ level: skillLevelLabel(min) });
	if (min === null) return m.opportunity_levels_up_to({ level: skillLevelLabel(max) });
	if (min === max) return skillLevelLabel(min);
	return m.opportunity_levels_between({ min: skillLevelLabel(min), max: skillLevelLabel(max) });
}

/** Soonest first; on the same day, the one entered first. */
export function bySoonest(list: readonly Opportunity[]): Opportunity[] {
	return [...list].sort((a, b) => a.happensOn.localeCompare(b.happensOn) || a.id - b.id);
}

/** A form's starting values: the opportunity being edited, or a blank one. */
export function draftFrom(o: Opportunity | null): OpportunityInput {
	return {
		kind: o?.kind ?? 'competition',
		title: o?.title ?? '',
		happensOn: o?.happensOn ?? '',
		courseId: o?.courseId ?? null,
		levelMin: o?.levelMin ?? null,
		levelMax: o?.levelMax ?? null,
		description: o?.description ?? ''
	};
}

/** What is sent: trimmed text, an empty description as none. */
export function cleanDraft(d: OpportunityInput): OpportunityInput {
	const description = d.description?.trim() ?? '';
	return { ...d, title: d.title.trim(), description: description === '' ? null : description };
}
