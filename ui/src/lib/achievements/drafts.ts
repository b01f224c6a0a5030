// The achievement form's draft, its conversion to the command input, and the list order.
import type { Achievement, AchievementInput, AchievementKind } from '$lib/ipc';

export type AchievementDraft = {
	kind: AchievementKind;
	title: string;
	result: string;
	/** `date` input value: YYYY-MM-DD. */
	occurredOn: string;
	description: string;
};

/** The form's field paths (as Rust names them in validation errors). */
export const ACHIEVEMENT_FIELDS = ['kind', 'title', 'result', 'occurredOn', 'description'] as const;

export function emptyAchievement(today: string): AchievementDraft {
	return { kind: 'performance', title: '', result: '', occurredOn: today, description: '' };
}

export function achievementDraft(a: Achievement): AchievementDraft {
	return {
		kind: a.kind,
		title: a.title,
		result: a.result ?? '',
		occurredOn: a.occurredOn,
		description: a.description ?? ''
	};
}

/** Optional fields left blank (or only spaces) are sent as "none", never as an empty text. */
export function achievementInput(studentId: number, d: AchievementDraft): AchievementInput {
	const optional = (text: string) => (text.trim() === '' ? null : text);
	return {
		studentId,
		kind: d.kind,
		title: d.title,
		result: optional(d.result),
		occurredOn: d.occurredOn,
		description: optional(d.description)
	};
}

/** Newest first; on the same day the one recorded last comes first. */
export function newestFirst(list: readonly Achievement[]): Achievement[] {
	return [...list].sort((a, b) => (a.occurredOn === b.occurredOn ? b.id - a.id : a.occurredOn < b.occurredOn ? 1 : -1));
}
