// Every import code reads as words in both languages, and failures read as one sentence.
import { afterEach, describe, expect, it } from 'vitest';
import { applyLocale } from '$lib/i18n/locale.svelte';
import {
	FIELDS,
	FILE_PROBLEMS,
	MAPPING_PROBLEMS,
	PROBLEMS,
	columnName,
	failureMessage,
	fieldLabel,
	fileProblemLabel,
	mappingProblemLabel,
	problemLabel
} from './words';
import { rowsToImport } from './steps';

afterEach(() => applyLocale('en'));

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

describe('import words', () => {
	it('fields and problems are worded in both languages', () => {
		bilingual(() => FIELDS.map(fieldLabel));
		bilingual(() => PROBLEMS.map(problemLabel));
		bilingual(() => FILE_PROBLEMS.map(fileProblemLabel));
		bilingual(() => MAPPING_PROBLEMS.map(mappingProblemLabel));
	});

	it('every failure is a sentence', () => {
		bilingual(() => [
			failureMessage({ kind: 'file', problem: 'not_a_spreadsheet' }),
			failureMessage({ kind: 'mapping', problem: 'no_student_name' }),
			failureMessage({ kind: 'rowsHaveProblems', rows: 3 }),
			failureMessage({ kind: 'staffRequired' }),
			failureMessage({ kind: 'row', row: 7, error: { kind: 'validation', field: 'mobile', code: 'invalid_phone' } }),
			failureMessage({ kind: 'noFile' }),
			failureMessage({ kind: 'app', error: { kind: 'internal' } })
		]);
		applyLocale('en');
		expect(failureMessage({ kind: 'rowsHaveProblems', rows: 3 })).toContain('3 rows');
		expect(failureMessage({ kind: 'row', row: 7, error: { kind: 'internal' } })).toContain('Row 7');
	});

	it('a column without a header is named by its letter', () => {
		expect(columnName('C', '联系电话')).toBe('C · 联系电话');
		expect(columnName('H', ' ')).toBe('Column H');
		applyLocale('zh-CN');
		expect(columnName('H', '')).toBe('第 H 列');
	});

	it('rows with problems hold the whole import back unless they are skipped', () => {
		expect(rowsToImport(10, 0, false)).toBe(10);
		expect(rowsToImport(10, 2, false)).toBe(0);
		expect(rowsToImport(10, 2, true)).toBe(8);
	});
});
