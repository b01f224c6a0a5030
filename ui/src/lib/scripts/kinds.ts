// The two shelves of editable templates — talk scripts and goal-based messages — behind one
// face, so the editor, its preview and its help serve both. Goals are kept as plain strings
// here; each kind owns the cast to its own goal type.
import {
	commands,
	run,
	type Locale,
	type MessageGoal,
	type MotivationType,
	type ScriptGoal,
	type TemplateProblem
} from '$lib/ipc';
import { MESSAGE_GOALS, messageGoalLabel, missingLabel } from '$lib/messages/labels';
import { GOALS, goalLabel } from './labels';

/** The text in use and whether the school edited it (a script's or a message's template). */
export type ShelfTemplate = { body: string; edited: boolean };

/** A preview: the filled text, the template's problem, or why this record cannot be used. */
export type PreviewResult = { text: string | null; problem: TemplateProblem | null; missing: string | null };

export type PreviewRequest = {
	studentId: number;
	familyId: number;
	goal: string;
	locale: Locale;
	motivation: MotivationType;
	body: string;
};

export type TemplateKind = {
	id: 'script' | 'message';
	goals: string[];
	goalLabel: (goal: string) => string;
	get: (m: MotivationType, goal: string, l: Locale) => Promise<ShelfTemplate>;
	/** The problem when the text was refused (not stored), else null. */
	save: (m: MotivationType, goal: string, l: Locale, body: string) => Promise<TemplateProblem | null>;
	restore: (m: MotivationType, goal: string, l: Locale) => Promise<ShelfTemplate>;
	preview: (request: PreviewRequest) => Promise<PreviewResult>;
};

export const SCRIPT_TEMPLATES: TemplateKind = {
	id: 'script',
	goals: GOALS,
	goalLabel: (g) => goalLabel(g as ScriptGoal),
	get: (m, g, l) => run(commands.getScriptTemplate(m, g as ScriptGoal, l)),
	save: (m, g, l, body) => run(commands.saveScriptTemplate(m, g as ScriptGoal, l, body)),
	restore: (m, g, l) => run(commands.restoreScriptTemplate(m, g as ScriptGoal, l)),
	// A script speaks to the guardian's recorded type, as on the family page.
	preview: async (r) => {
		const script = await run(
			commands.generateScript({ studentId: r.studentId, courseId: null, guardianId: null, goal: r.goal as ScriptGoal, locale: r.locale, template: r.body })
		);
		return { text: script.text, problem: script.problem, missing: null };
	}
};

export const MESSAGE_TEMPLATES: TemplateKind = {
	id: 'message',
	goals: MESSAGE_GOALS,
	goalLabel: (g) => messageGoalLabel(g as MessageGoal),
	get: (m, g, l) => run(commands.getMessageTemplate(m, g as MessageGoal, l)),
	save: (m, g, l, body) => run(commands.saveMessageTemplate(m, g as MessageGoal, l, body)),
	restore: (m, g, l) => run(commands.restoreMessageTemplate(m, g as MessageGoal, l)),
	// The message is written for the type being edited, about the chosen child.
	preview: async (r) => {
		const msg = await run(
			commands.composeMessage({
				familyId: r.familyId,
				studentId: r.studentId,
				goal: r.goal as MessageGoal,
				locale: r.locale,
				motivation: r.motivation,
				template: r.body
			})
		);
		return { text: msg.text, problem: msg.problem, missing: msg.missing ? missingLabel(msg.missing) : null };
	}
};
