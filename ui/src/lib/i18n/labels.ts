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
	ConflictCode,
	AttendanceStatus,
	CourseFormat,
	EntryKind,
	MotivationType,
	ExportFailure
} from '$lib/ipc';
import { backupFailureMessage } from '$lib/backup/format';

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
		staff_archived: m.err_staff_archived,
		hours_out_of_range: m.err_hours_out_of_range,
		not_half_hours: m.err_not_half_hours,
		ends_before_start: m.err_ends_before_start,
		unknown_currency: m.err_unknown_currency,
		before_enrollment: m.err_before_enrollment,
		no_hours_left: m.err_no_hours_left,
		invalid_time: m.err_invalid_time,
		not_enough_hours: m.err_not_enough_hours,
		not_same_family: m.err_not_same_family,
		cannot_reverse: m.err_cannot_reverse,
		private_class_of_one: m.err_private_class_of_one,
		duplicate_student: m.err_duplicate_student,
		unknown_answer: m.err_unknown_answer,
		one_answer_only: m.err_one_answer_only,
		same_as_primary: m.err_same_as_primary,
		duplicate_tag: m.err_duplicate_tag,
		wording_flagged: m.err_wording_flagged,
		package_ended: m.err_package_ended,
		not_in_future: m.err_not_in_future,
		not_newer_package: m.err_not_newer_package,
		rule_override_reason_required: m.err_rule_override_reason_required,
		unsafe_file_name: m.err_unsafe_file_name,
		not_media: m.err_not_media,
		file_too_large: m.err_file_too_large,
		file_unreadable: m.err_file_unreadable,
		level_range: m.err_level_range,
		confirmation_mismatch: m.privacy_err_confirmation_mismatch,
		wrong_passcode: m.lock_err_wrong_passcode,
		passcode_too_short: m.lock_err_passcode_too_short,
		idle_out_of_range: m.lock_err_idle_out_of_range,
		not_message_channel: m.err_not_message_channel,
		score_out_of_range: m.err_score_out_of_range,
		referral_only: m.err_referral_only,
		min_above_max: m.err_min_above_max,
		duplicate_segment: m.err_duplicate_segment
	}[code]();
}

export function conflictMessage(code: ConflictCode): string {
	return {
		school_not_empty: m.err_school_not_empty,
		guardian_has_students: m.err_guardian_has_students,
		prospect_converted: m.err_prospect_converted
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
		case 'locked':
			return m.lock_err_locked();
		case 'internal':
			return m.err_internal();
		case 'export':
			return exportFailureMessage(error.code);
		case 'backup':
			return backupFailureMessage(error.code);
		case 'diskFull':
			return m.backup_err_disk_full();
	}
}

export function exportFailureMessage(code: ExportFailure): string {
	return {
		permission_denied: m.export_err_permission_denied,
		disk_full: m.export_err_disk_full,
		folder_missing: m.export_err_folder_missing,
		write_failed: m.export_err_write_failed
	}[code]();
}

export const ATTENDANCE: AttendanceStatus[] = ['present', 'late', 'excused', 'unexcused', 'make_up'];
export const COURSE_FORMATS: CourseFormat[] = ['group', 'private'];
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export function attendanceLabel(s: AttendanceStatus, locale?: 'en' | 'zh-CN'): string {
	return {
		present: m.att_present,
		late: m.att_late,
		excused: m.att_excused,
		unexcused: m.att_unexcused,
		make_up: m.att_make_up
	}[s]({}, locale ? { locale } : undefined);
}

export function formatLabel(f: CourseFormat): string {
	return { private: m.format_private, group: m.format_group }[f]();
}

export function weekdayLabel(day: number): string {
	const names = [m.weekday_1, m.weekday_2, m.weekday_3, m.weekday_4, m.weekday_5, m.weekday_6, m.weekday_7];
	return names[day - 1]?.() ?? '';
}

/** Ledger entry kinds; `options.locale` lets a statement print in the parent's language. */
export function entryLabel(k: EntryKind, locale?: 'en' | 'zh-CN'): string {
	const options = locale ? { locale } : undefined;
	return {
		purchase: m.entry_purchase,
		bonus: m.entry_bonus,
		lesson: m.entry_lesson,
		correction: m.entry_correction,
		refund: m.entry_refund,
		transfer_out: m.entry_transfer_out,
		transfer_in: m.entry_transfer_in,
		expiry: m.entry_expiry
	}[k]({}, options);
}

/** Hours as people write them: 1.5, 20, −1. */
export function hoursText(hours: number | null): string {
	if (hours === null) return '';
	return Number.isInteger(hours) ? String(hours) : hours.toFixed(1);
}

export const MOTIVATIONS: MotivationType[] = ['future', 'interest', 'honors'];

/** Neutral names for why a parent enrolled. */
export function motivationLabel(t: MotivationType): string {
	return { future: m.motivation_future, interest: m.motivation_interest, honors: m.motivation_honors }[t]();
}

export function motivationHint(t: MotivationType): string {
	return { future: m.motivation_future_hint, interest: m.motivation_interest_hint, honors: m.motivation_honors_hint }[t]();
}
