// Display words for the codes Rust sends: enum values and error codes. Every code has an
// entry in both languages (checked in labels.test.ts), so no raw code ever reaches the screen.
import { m } from '$lib/paraglide/messages.js';
import type {
	AppError,
	ContactChannel,
	Gender,
	NoteKind,
	OpenFailureCode,
	Relationship,
	StaffRole,
	StudentStatus,
	ValidationCode,
	ConflictCode
} from '$lib/ipc';

export const CHANNELS: ContactChannel[] = ['wechat', 'phone', 'sms', 'email', 'in_person'];
export const RELATIONSHIPS: Relationship[] = ['mother', 'father', 'grandmother', 'grandfather', 'other'];
export const STATUSES: StudentStatus[] = ['prospect', 'trial', 'active', 'paused', 'lapsed'];
export const GENDERS: Gender[] = ['female', 'male', 'other'];
export const NOTE_KINDS: NoteKind[] = [
	'enrollment_talk',
	'progress_update',
	'renewal_talk',
	'complaint',
	'feedback',
	'other'
];
export const STAFF_ROLES: StaffRole[] = ['admin', 'teacher'];
/** The three common levels; any other value is a school's own grade, shown as typed. */
export const SKILL_LEVELS = ['beginner', 'intermediate', 'advanced'] as const;

export function channelLabel(c: ContactChannel): string {
	return {
		wechat: m.channel_wechat,
		phone: m.channel_phone,
		sms: m.channel_sms,
		email: m.channel_email,
		in_person: m.channel_in_person
	}[c]();
}

export function relationshipLabel(r: Relationship): string {
	return {
		mother: m.relationship_mother,
		father: m.relationship_father,
		grandmother: m.relationship_grandmother,
		grandfather: m.relationship_grandfather,
		other: m.relationship_other
	}[r]();
}

export function statusLabel(s: StudentStatus): string {
	return {
		prospect: m.status_prospect,
		trial: m.status_trial,
		active: m.status_active,
		paused: m.status_paused,
		lapsed: m.status_lapsed
	}[s]();
}

export function genderLabel(g: Gender): string {
	return { female: m.gender_female, male: m.gender_male, other: m.gender_other }[g]();
}

export function noteKindLabel(k: NoteKind): string {
	return {
		enrollment_talk: m.note_kind_enrollment_talk,
		progress_update: m.note_kind_progress_update,
		renewal_talk: m.note_kind_renewal_talk,
		complaint: m.note_kind_complaint,
		feedback: m.note_kind_feedback,
		other: m.note_kind_other
	}[k]();
}

export function roleLabel(r: StaffRole): string {
	return { admin: m.role_admin, teacher: m.role_teacher }[r]();
}

export function skillLevelLabel(level: string | null): string {
	switch (level) {
		case null:
			return '';
		case 'beginner':
			return m.level_beginner();
		case 'intermediate':
			return m.level_intermediate();
		case 'advanced':
			return m.level_advanced();
		default:
			return level;
	}
}

export function validationMessage(code: ValidationCode): string {
	return {
		required: m.err_required,
		too_long: m.err_too_long,
		invalid_phone: m.err_invalid_phone,
		invalid_email: m.err_invalid_email,
		invalid_wechat: m.err_invalid_wechat,
		date_in_future: m.err_date_in_future,
		date_too_old: m.err_date_too_old,
		guardian_required: m.err_guardian_required,
		guardian_not_in_family: m.err_guardian_not_in_family,
		student_not_in_family: m.err_student_not_in_family,
		duplicate_guardian: m.err_duplicate_guardian,
		staff_archived: m.err_staff_archived
	}[code]();
}

export function conflictMessage(code: ConflictCode): string {
	return {
		school_not_empty: m.err_school_not_empty,
		guardian_has_students: m.err_guardian_has_students
	}[code]();
}

export function openFailureMessage(code: OpenFailureCode): string {
	return {
		already_open: m.err_open_already_open,
		newer_schema: m.err_open_newer_schema,
		not_encore: m.err_open_not_encore,
		damaged: m.err_open_damaged,
		unreadable: m.err_open_unreadable
	}[code]();
}

/** One sentence for any command error, for a banner when no field can show it. */
export function errorMessage(error: AppError): string {
	switch (error.kind) {
		case 'validation':
			return validationMessage(error.code);
		case 'conflict':
			return conflictMessage(error.code);
		case 'notFound':
			return m.err_not_found();
		case 'internal':
			return m.err_internal();
	}
}
