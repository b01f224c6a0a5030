// The feedback form's draft, its default term and its conversion to the command input.
import type { FeedbackInput } from '$lib/ipc';

export type FeedbackDraft = {
	term: string;
	studentId: number | null;
	teaching: number | null;
	progress: number | null;
	communication: number | null;
	overall: number | null;
	text: string;
	recordedBy: number | null;
};

export const SCORES = [1, 2, 3, 4, 5] as const;
export const SCORE_FIELDS = ['overall', 'teaching', 'progress', 'communication'] as const;
export type ScoreField = (typeof SCORE_FIELDS)[number];

/**
 * The term a day belongs to, as insights count terms: spring runs February to July, autumn
 * August to January and is named by the year it starts.
 */
export function termOf(day: Date): { year: number; half: 'spring' | 'autumn' } {
	const month = day.getMonth() + 1;
	if (month === 1) return { year: day.getFullYear() - 1, half: 'autumn' };
	return { year: day.getFullYear(), half: month <= 7 ? 'spring' : 'autumn' };
}

export function emptyFeedback(term: string, recordedBy: number | null): FeedbackDraft {
	return {
		term,
		studentId: null,
		teaching: null,
		progress: null,
		communication: null,
		overall: null,
		text: '',
		recordedBy
	};
}

/** A blank overall score is sent as 0 so Rust names the field that is missing. */
export function feedbackInput(familyId: number, d: FeedbackDraft): FeedbackInput {
	return {
		familyId,
		studentId: d.studentId,
		term: d.term,
		teaching: d.teaching,
		progress: d.progress,
		communication: d.communication,
		overall: d.overall ?? 0,
		text: d.text.trim() === '' ? null : d.text,
		recordedBy: d.recordedBy ?? 0
	};
}
