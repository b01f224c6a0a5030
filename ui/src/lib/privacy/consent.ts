// Consent as the forms hold it (a tick per scope, plain strings for the inputs) and as the
// commands take it. Rust validates; blank notes become null.
import type { Consent, ConsentInput, ConsentScope, EnrollmentConsent } from '$lib/ipc';
import { m } from '$lib/paraglide/messages.js';
import { currentLocale } from '$lib/i18n/locale.svelte';

export const SCOPES: ConsentScope[] = ['records', 'media', 'messages'];

export function scopeLabel(scope: ConsentScope): string {
	return {
		records: m.consent_scope_records,
		media: m.consent_scope_media,
		messages: m.consent_scope_messages
	}[scope]();
}

export type ConsentDraft = {
	scopes: Record<ConsentScope, boolean>;
	givenOn: string;
	/** A guardian's id on the family page; its place in the form on the new-family form. */
	givenBy: number | null;
	recordedBy: number | null;
	note: string;
};

export function emptyConsent(today: string, recordedBy: number | null, from?: Consent | null): ConsentDraft {
	return {
		scopes: { records: false, media: false, messages: false, ...Object.fromEntries((from?.scopes ?? []).map((s) => [s, true])) },
		givenOn: today,
		givenBy: from?.guardianId ?? null,
		recordedBy,
		note: ''
	};
}

const ticked = (d: ConsentDraft): ConsentScope[] => SCOPES.filter((s) => d.scopes[s]);
const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

export function consentInput(d: ConsentDraft): ConsentInput {
	return {
		guardianId: d.givenBy,
		givenOn: d.givenOn,
		scopes: ticked(d),
		// Rust answers a missing recorder with a "required" error beside the field.
		recordedBy: d.recordedBy ?? 0,
		note: orNull(d.note)
	};
}

/** Nothing ticked at enrollment means consent is recorded later, on the family page. */
export function enrollmentConsent(d: ConsentDraft): EnrollmentConsent | null {
	const scopes = ticked(d);
	if (scopes.length === 0) {
		return null;
	}
	return { givenBy: d.givenBy, givenOn: d.givenOn, scopes, recordedBy: d.recordedBy ?? 0, note: orNull(d.note) };
}

/** "Agreed to: …" and "Not agreed: …" for a decision. */
export function consentSummary(c: Consent): { agreed: string; refused: string | null } {
	const sep = currentLocale() === 'zh-CN' ? '、' : ', ';
	const refused = SCOPES.filter((s) => !c.scopes.includes(s));
	return {
		agreed: c.scopes.length === 0 ? m.consent_nothing_agreed() : m.consent_agreed({ scopes: c.scopes.map(scopeLabel).join(sep) }),
		refused: refused.length === 0 || c.scopes.length === 0 ? null : m.consent_not_agreed({ scopes: refused.map(scopeLabel).join(sep) })
	};
}
