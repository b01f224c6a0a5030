// Words and figures of the meeting brief, in the BRIEF's language (the parents'), which may
// differ from the screen's: every message function gets `{ locale }`.
import { m } from '$lib/paraglide/messages.js';
import { hoursText } from '$lib/i18n/labels';
import type { AchievementKind, Brief, BriefCourse, Locale, MotivationType, OpportunityKind, TemplateProblem } from '$lib/ipc';

/** Lessons attended out of lessons marked this term: `7/8`; a dash before the first lesson. */
export function attendanceText(c: Pick<BriefCourse, 'attended' | 'lessons'>): string {
	return c.lessons > 0 ? `${c.attended}/${c.lessons}` : '—';
}

/** An amount of hours, or a dash when the course has no package. */
export function hoursOrDash(hours: number | null): string {
	return hours === null ? '—' : hoursText(hours);
}

export function achievementKindIn(k: AchievementKind, locale: Locale): string {
	return {
		performance: m.achievement_kind_performance,
		competition: m.achievement_kind_competition,
		grading: m.achievement_kind_grading,
		certificate: m.achievement_kind_certificate,
		milestone: m.achievement_kind_milestone
	}[k]({}, { locale });
}

export function opportunityKindIn(k: OpportunityKind, locale: Locale): string {
	return {
		competition: m.opportunity_kind_competition,
		recital: m.opportunity_kind_recital,
		exam: m.opportunity_kind_exam,
		camp: m.opportunity_kind_camp,
		showcase: m.opportunity_kind_showcase
	}[k]({}, { locale });
}

export function motivationIn(t: MotivationType, locale: Locale): string {
	return { future: m.motivation_future, interest: m.motivation_interest, honors: m.motivation_honors }[t]({}, { locale });
}

/** Who the brief's script is about: the child's name and the course, when both are known. */
export function scriptSubject(brief: Brief): { name: string; course: string } | null {
	const script = brief.script;
	if (script === null) return null;
	const child = brief.children.find((c) => c.studentId === script.studentId);
	const course = child?.courses.find((c) => c.courseId === script.courseId);
	return child && course ? { name: child.name, course: course.courseName } : null;
}

/** A template problem in the brief's language, with its line when the engine knows it. */
export function problemTextIn(p: TemplateProblem, locale: Locale): string {
	if (p.line === null) return m.template_problem_no_line({}, { locale });
	const line = String(p.line);
	return {
		syntax: m.template_problem_syntax,
		unknown_name: m.template_problem_unknown_name,
		too_long: m.template_problem_too_long,
		other: m.template_problem_other
	}[p.kind]({ line }, { locale });
}
