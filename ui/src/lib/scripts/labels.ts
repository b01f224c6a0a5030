// Words for the codes of scripts, achievements and opportunities, in the UI language.
import { m } from '$lib/paraglide/messages.js';
import type { AchievementKind, OpportunityKind, ScriptGoal, TemplateProblem } from '$lib/ipc';

export const GOALS: ScriptGoal[] = ['renew', 'trial', 'upsell', 'cross_sell', 'progress', 'feedback'];
export const ACHIEVEMENT_KINDS: AchievementKind[] = ['performance', 'competition', 'grading', 'certificate', 'milestone'];
export const OPPORTUNITY_KINDS: OpportunityKind[] = ['competition', 'recital', 'exam', 'camp', 'showcase'];

export function goalLabel(g: ScriptGoal): string {
	return {
		renew: m.goal_renew,
		trial: m.goal_trial,
		upsell: m.goal_upsell,
		cross_sell: m.goal_cross_sell,
		progress: m.goal_progress,
		feedback: m.goal_feedback
	}[g]();
}

export function achievementKindLabel(k: AchievementKind): string {
	return {
		performance: m.achievement_kind_performance,
		competition: m.achievement_kind_competition,
		grading: m.achievement_kind_grading,
		certificate: m.achievement_kind_certificate,
		milestone: m.achievement_kind_milestone
	}[k]();
}

export function opportunityKindLabel(k: OpportunityKind): string {
	return {
		competition: m.opportunity_kind_competition,
		recital: m.opportunity_kind_recital,
		exam: m.opportunity_kind_exam,
		camp: m.opportunity_kind_camp,
		showcase: m.opportunity_kind_showcase
	}[k]();
}

/** A template problem in words, with its line when the engine knows it. */
export function problemText(p: TemplateProblem): string {
	if (p.line === null) return m.template_problem_no_line();
	const line = String(p.line);
	return {
		syntax: m.template_problem_syntax,
		unknown_name: m.template_problem_unknown_name,
		too_long: m.template_problem_too_long,
		other: m.template_problem_other
	}[p.kind]({ line });
}
