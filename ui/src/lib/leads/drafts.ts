// The prospect form's draft (plain strings the inputs bind to) and its conversions to and from
// the records the commands take. Blank inputs become null; Rust does the validating.
import type { LeadSource, NewFamily, Prospect, ProspectInput } from '$lib/ipc';
import { guardianDraft, studentDraft, type GuardianDraft, type StudentDraft } from '$lib/families/drafts';

/** The family that referred the lead, as picked in the search box. */
export type Referrer = { id: number; name: string };

export type ProspectDraft = {
	guardianName: string;
	phone: string;
	childName: string;
	age: string;
	birthYear: string;
	courseId: number | null;
	source: LeadSource;
	referrer: Referrer | null;
	firstContactOn: string;
	notes: string;
};

const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());
/** A whole number typed in a box, or null when the box is blank or holds something else. */
const wholeOrNull = (s: string): number | null => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : null);

export function emptyProspect(today: string): ProspectDraft {
	return {
		guardianName: '',
		phone: '',
		childName: '',
		age: '',
		birthYear: '',
		courseId: null,
		source: 'walk_in',
		referrer: null,
		firstContactOn: today,
		notes: ''
	};
}

export function prospectInput(d: ProspectDraft): ProspectInput {
	return {
		guardianName: d.guardianName,
		phone: orNull(d.phone),
		childName: d.childName,
		childBirthYear: wholeOrNull(d.birthYear),
		// The year wins when both are given; the age is only sent when it is all there is.
		childAge: wholeOrNull(d.birthYear) === null ? wholeOrNull(d.age) : null,
		courseId: d.courseId,
		source: d.source,
		referredByFamilyId: d.source === 'referral' ? (d.referrer?.id ?? null) : null,
		firstContactOn: d.firstContactOn,
		notes: orNull(d.notes)
	};
}

export function prospectDraft(p: Prospect): ProspectDraft {
	return {
		guardianName: p.guardianName,
		phone: p.phone ?? '',
		childName: p.childName,
		age: '',
		birthYear: p.childBirthYear === null ? '' : String(p.childBirthYear),
		courseId: p.courseId,
		source: p.source,
		referrer:
			p.referredByFamilyId === null ? null : { id: p.referredByFamilyId, name: p.referredByFamilyName ?? '' },
		firstContactOn: p.firstContactOn,
		notes: p.notes ?? ''
	};
}

/** The enrollment form's drafts from the family the core prefilled from the lead. */
export function familyDrafts(f: NewFamily): { name: string; guardians: GuardianDraft[]; students: StudentDraft[] } {
	return {
		name: f.name,
		guardians: f.guardians.map((g) => guardianDraft(g.info, g.relationship)),
		students: f.students.map(studentDraft)
	};
}

/** The latest trial still waiting for its outcome, if any. */
export function pendingTrial(p: Prospect) {
	return p.trials.findLast((t) => t.outcome === 'pending') ?? null;
}
