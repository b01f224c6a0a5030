// Words for the renewal desk's codes, in the UI language.
import { m } from '$lib/paraglide/messages.js';
import type { DeclineReason, RenewalStatus, RiskLevel } from '$lib/ipc';

export const DECLINE_REASONS: DeclineReason[] = ['results', 'schedule', 'price', 'lost_interest', 'moving', 'other_school', 'other'];
export const RISK_LEVELS: RiskLevel[] = ['high', 'medium', 'low'];

export function renewalStatusLabel(s: RenewalStatus): string {
	return {
		to_contact: m.renewal_status_to_contact,
		contacted: m.renewal_status_contacted,
		meeting_scheduled: m.renewal_status_meeting_scheduled,
		renewed: m.renewal_status_renewed,
		postponed: m.renewal_status_postponed,
		declined: m.renewal_status_declined
	}[s]();
}

export function declineLabel(r: DeclineReason): string {
	return {
		results: m.renewal_decline_results,
		schedule: m.renewal_decline_schedule,
		price: m.renewal_decline_price,
		lost_interest: m.renewal_decline_lost_interest,
		moving: m.renewal_decline_moving,
		other_school: m.renewal_decline_other_school,
		other: m.renewal_decline_other
	}[r]();
}

export function riskLabel(l: RiskLevel): string {
	return { high: m.renewal_risk_high, medium: m.renewal_risk_medium, low: m.renewal_risk_low }[l]();
}
