// Words for the codes the import commands send: fields, row problems, file and mapping
// problems, failures. Every code has both languages (checked in words.test.ts).
import { m } from '$lib/paraglide/messages.js';
import type { FileProblem, ImportFailure, ImportField, MappingProblem, RowProblemCode } from '$lib/ipc';
import { errorMessage } from '$lib/i18n/labels';

/** In the order the mapping screen offers them. */
export const FIELDS: ImportField[] = [
	'student_name',
	'gender',
	'birth_date',
	'guardian_name',
	'relationship',
	'mobile',
	'wechat',
	'email',
	'course',
	'purchased',
	'remaining',
	'price',
	'enrolled',
	'expires',
	'notes'
];

export const PROBLEMS: RowProblemCode[] = [
	'required',
	'too_long',
	'invalid_phone',
	'invalid_wechat',
	'invalid_email',
	'invalid_date',
	'date_in_future',
	'date_too_old',
	'unknown_gender',
	'invalid_hours',
	'not_half_hours',
	'remaining_above_purchased',
	'course_required',
	'ends_before_start',
	'package_ended',
	'invalid_price',
	'guardian_required',
	'duplicate_student',
	'already_in_encore',
	'invalid'
];

export const FILE_PROBLEMS: FileProblem[] = ['empty', 'headers_only', 'not_a_spreadsheet', 'too_large', 'too_many_rows', 'unreadable'];
export const MAPPING_PROBLEMS: MappingProblem[] = ['no_student_name', 'field_twice', 'wrong_columns'];

export function fieldLabel(f: ImportField): string {
	return {
		student_name: m.import_field_student_name,
		gender: m.import_field_gender,
		birth_date: m.import_field_birth_date,
		guardian_name: m.import_field_guardian_name,
		relationship: m.import_field_relationship,
		mobile: m.import_field_mobile,
		wechat: m.import_field_wechat,
		email: m.import_field_email,
		course: m.import_field_course,
		purchased: m.import_field_purchased,
		remaining: m.import_field_remaining,
		price: m.import_field_price,
		enrolled: m.import_field_enrolled,
		expires: m.import_field_expires,
		notes: m.import_field_notes
	}[f]();
}

export function problemLabel(p: RowProblemCode): string {
	return {
		required: m.import_problem_required,
		too_long: m.import_problem_too_long,
		invalid_phone: m.import_problem_invalid_phone,
		invalid_wechat: m.import_problem_invalid_wechat,
		invalid_email: m.import_problem_invalid_email,
		invalid_date: m.import_problem_invalid_date,
		date_in_future: m.import_problem_date_in_future,
		date_too_old: m.import_problem_date_too_old,
		unknown_gender: m.import_problem_unknown_gender,
		invalid_hours: m.import_problem_invalid_hours,
		not_half_hours: m.import_problem_not_half_hours,
		remaining_above_purchased: m.import_problem_remaining_above_purchased,
		course_required: m.import_problem_course_required,
		ends_before_start: m.import_problem_ends_before_start,
		package_ended: m.import_problem_package_ended,
		invalid_price: m.import_problem_invalid_price,
		guardian_required: m.import_problem_guardian_required,
		duplicate_student: m.import_problem_duplicate_student,
		already_in_encore: m.import_problem_already_in_encore,
		invalid: m.import_problem_invalid
	}[p]();
}

export function fileProblemLabel(p: FileProblem): string {
	return {
		empty: m.import_file_empty,
		headers_only: m.import_file_headers_only,
		not_a_spreadsheet: m.import_file_not_a_spreadsheet,
		too_large: m.import_file_too_large,
		too_many_rows: m.import_file_too_many_rows,
		unreadable: m.import_file_unreadable
	}[p]();
}

export function mappingProblemLabel(p: MappingProblem): string {
	return {
		no_student_name: m.import_mapping_no_student_name,
		field_twice: m.import_mapping_field_twice,
		wrong_columns: m.import_mapping_wrong_columns
	}[p]();
}

/** One sentence for a failed import step. */
export function failureMessage(f: ImportFailure): string {
	switch (f.kind) {
		case 'file':
			return fileProblemLabel(f.problem);
		case 'mapping':
			return mappingProblemLabel(f.problem);
		case 'rowsHaveProblems':
			return m.import_failure_rows({ count: f.rows });
		case 'staffRequired':
			return m.import_failure_staff();
		case 'row':
			return m.import_failure_row({ row: f.row, reason: errorMessage(f.error) });
		case 'noFile':
			return m.import_failure_no_file();
		case 'app':
			return errorMessage(f.error);
	}
}

/** A column as the user knows it: its header, or its letter when it has none. */
export function columnName(letter: string, header: string): string {
	return header.trim() === '' ? m.import_column_unnamed({ letter }) : `${letter} · ${header}`;
}
