// Words for feedback scores, in the UI language: on the form, the list and the insights chart.
import { m } from '$lib/paraglide/messages.js';
import type { ScoreField } from './drafts';

export function scoreLabel(f: ScoreField): string {
	return {
		overall: m.feedback_overall,
		teaching: m.feedback_teaching,
		progress: m.feedback_progress,
		communication: m.feedback_communication
	}[f]();
}
