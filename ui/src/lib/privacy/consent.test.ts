// Consent drafts: a new decision starts from the one in force, nothing ticked at enrollment
// records nothing, and summaries name what was and was not agreed in the UI's language.
import { afterEach, expect, it } from 'vitest';
import type { Consent } from '$lib/ipc';
import { applyLocale } from '$lib/i18n/locale.svelte';
import { consentInput, consentSummary, emptyConsent, enrollmentConsent } from './consent';

afterEach(() => applyLocale('en'));

const inForce: Consent = {
	id: 3,
	familyId: 1,
	guardianId: 8,
	guardianName: '李芳',
	scopes: ['records', 'messages'],
	givenOn: '2026-09-01',
	note: null,
	recordedBy: 2,
	recordedByName: '陈宇',
	recordedAt: '2026-09-01T08:00:00Z'
};

it('a new decision starts from the one in force and sends the ticked scopes in order', () => {
	const draft = emptyConsent('2026-11-22', 2, inForce);
	expect(draft.scopes).toEqual({ records: true, media: false, messages: true });
	draft.scopes.media = true;
	draft.note = '  signed again ';
	expect(consentInput(draft)).toEqual({
		guardianId: 8,
		givenOn: '2026-11-22',
		scopes: ['records', 'media', 'messages'],
		recordedBy: 2,
		note: 'signed again'
	});
});

it('nothing ticked on the new-family form means consent is recorded later', () => {
	const draft = { ...emptyConsent('2026-11-22', 2), givenBy: 0 };
	expect(enrollmentConsent(draft)).toBeNull();
	draft.scopes.records = true;
	expect(enrollmentConsent(draft)).toEqual({ givenBy: 0, givenOn: '2026-11-22', scopes: ['records'], recordedBy: 2, note: null });
});

it('summaries say what was agreed and what was not, in either language', () => {
	expect(consentSummary(inForce)).toEqual({
		agreed: "Agreed to: Keeping the family's records, Contact by message (WeChat, SMS, e-mail)",
		refused: 'Not agreed: Photos and videos of the children'
	});
	applyLocale('zh-CN');
	expect(consentSummary(inForce).refused).toBe('未同意：拍摄和保存孩子的照片、视频');
	expect(consentSummary({ ...inForce, scopes: [] })).toEqual({ agreed: '均未同意', refused: null });
});
