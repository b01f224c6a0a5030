import { afterEach, describe, expect, it } from 'vitest';
import { applyLocale } from './locale.svelte';
import {
	CHANNELS,
	GENDERS,
	NOTE_KINDS,
	RELATIONSHIPS,
	STAFF_ROLES,
	STATUSES,
	channelLabel,
	errorMessage,
	genderLabel,
	noteKindLabel,
	openFailureMessage,
	relationshipLabel,
	roleLabel,
	skillLevelLabel,
	statusLabel,
	validationMessage,
	ATTENDANCE,
	COURSE_FORMATS,
	WEEKDAYS,
	attendanceLabel,
	entryLabel,
	formatLabel,
	hoursText,
	weekdayLabel,
	MOTIVATIONS,
	motivationHint,
	motivationLabel
} from './labels';
import type { EntryKind } from '$lib/ipc';

const ENTRY_KINDS: EntryKind[] = ['purchase', 'bonus', 'lesson', 'correction', 'refund', 'transfer_out', 'transfer_in', 'expiry'];
import type { OpenFailureCode, ValidationCode } from '$lib/ipc';

afterEach(() => applyLocale('en'));

const VALIDATION: ValidationCode[] = [
	'required',
	'too_long',
	'invalid_phone',
	'invalid_email',
	'invalid_wechat',
	'date_in_future',
	'date_too_old',
	'guardian_required',
	'guardian_not_in_family',
	'student_not_in_family',
	'duplicate_guardian',
	'staff_archived',
	'hours_out_of_range',
	'not_half_hours',
	'ends_before_start',
	'unknown_currency',
	'before_enrollment',
	'no_hours_left',
	'invalid_time',
	'not_enough_hours',
	'not_same_family',
	'cannot_reverse',
	'private_class_of_one',
	'duplicate_student',
	'unknown_answer',
	'one_answer_only',
	'same_as_primary',
	'duplicate_tag',
	'wording_flagged',
	'package_ended',
	'not_in_future',
	'not_newer_package',
	'rule_override_reason_required',
	'unsafe_file_name',
	'not_media',
	'file_too_large',
	'file_unreadable',
	'level_range',
	'not_message_channel',
	'score_out_of_range',
	'referral_only',
	'min_above_max',
	'duplicate_segment'
];
const OPEN: OpenFailureCode[] = ['already_open', 'newer_schema', 'not_encore', 'damaged', 'unreadable'];

/** Every code gets words in both languages, and the Chinese words are not the English ones. */
function bilingual(labels: () => string[]) {
	applyLocale('en');
	const en = labels();
	applyLocale('zh-CN');
	const zh = labels();
	for (const [i, word] of en.entries()) {
		expect(word.trim(), `English label ${i}`).not.toBe('');
		expect(zh[i], `Chinese label for "${word}"`).not.toBe(word);
		expect(zh[i]).toMatch(/[\u4e00-\u9fff]/);
	}
}

describe('labels', () => {
	it('enum values are shown in words in both languages', () => {
		bilingual(() => CHANNELS.map(channelLabel));
		bilingual(() => RELATIONSHIPS.map(relationshipLabel));
		bilingual(() => STATUSES.map(statusLabel));
		bilingual(() => GENDERS.map(genderLabel));
		bilingual(() => NOTE_KINDS.map(noteKindLabel));
		bilingual(() => STAFF_ROLES.map(roleLabel));
		bilingual(() => ATTENDANCE.map((s) => attendanceLabel(s)));
		bilingual(() => COURSE_FORMATS.map(formatLabel));
		bilingual(() => WEEKDAYS.map(weekdayLabel));
		bilingual(() => ENTRY_KINDS.map((k) => entryLabel(k)));
		bilingual(() => MOTIVATIONS.map(motivationLabel));
		bilingual(() => MOTIVATIONS.map(motivationHint));
	});

	it('a statement prints entry kinds in the language asked for, whatever the UI shows', () => {
		applyLocale('en');
		expect(entryLabel('lesson', 'zh-CN')).toBe('上课');
		expect(entryLabel('lesson')).toBe('Lesson');
	});

	it('hours read naturally', () => {
		expect(hoursText(20)).toBe('20');
		expect(hoursText(1.5)).toBe('1.5');
		expect(hoursText(-1)).toBe('-1');
	});

	it('every error code reads as a sentence in both languages', () => {
		bilingual(() => VALIDATION.map(validationMessage));
		bilingual(() => OPEN.map(openFailureMessage));
	});

	it('common levels are translated; a school grade is shown as typed', () => {
		applyLocale('zh-CN');
		expect(skillLevelLabel('beginner')).toBe('初级');
		expect(skillLevelLabel('ABRSM Grade 3')).toBe('ABRSM Grade 3');
		expect(skillLevelLabel(null)).toBe('');
	});

	it('an error with a field still has a banner sentence', () => {
		applyLocale('zh-CN');
		expect(errorMessage({ kind: 'validation', field: 'mobile', code: 'invalid_phone' })).toBe('电话号码格式不正确');
		expect(errorMessage({ kind: 'internal' })).toContain('数据是安全的');
	});
});
