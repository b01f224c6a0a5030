// Words for the lead desk's codes, in the UI language.
import { m } from '$lib/paraglide/messages.js';
import type { LeadSource, LeadState, TrialOutcome, TrialResult } from '$lib/ipc';

export const LEAD_SOURCES: LeadSource[] = ['referral', 'walk_in', 'open_day', 'social_media', 'flyer', 'other'];
export const LEAD_STATES: LeadState[] = ['open', 'enrolled', 'dropped'];
export const TRIAL_RESULTS: TrialResult[] = ['attended', 'no_show', 'declined'];

export function sourceLabel(s: LeadSource): string {
	return {
		referral: m.lead_source_referral,
		walk_in: m.lead_source_walk_in,
		open_day: m.lead_source_open_day,
		social_media: m.lead_source_social_media,
		flyer: m.lead_source_flyer,
		other: m.lead_source_other
	}[s]();
}

export function leadStateLabel(s: LeadState): string {
	return { open: m.lead_state_open, enrolled: m.lead_state_enrolled, dropped: m.lead_state_dropped }[s]();
}

export function trialOutcomeLabel(o: TrialOutcome): string {
	return {
		pending: m.trial_outcome_pending,
		attended: m.trial_outcome_attended,
		no_show: m.trial_outcome_no_show,
		enrolled: m.trial_outcome_enrolled,
		declined: m.trial_outcome_declined
	}[o]();
}
