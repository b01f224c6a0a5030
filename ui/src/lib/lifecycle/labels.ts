// Words for lifecycle stages, in the UI language.
import { m } from '$lib/paraglide/messages.js';
import type { Stage } from '$lib/ipc';

export const STAGES: Stage[] = ['prospect', 'trial', 'new', 'active', 'loyal', 'at_risk', 'lapsed', 'left'];

export function stageLabel(s: Stage): string {
	return {
		prospect: m.stage_prospect,
		trial: m.stage_trial,
		new: m.stage_new,
		active: m.stage_active,
		loyal: m.stage_loyal,
		at_risk: m.stage_at_risk,
		lapsed: m.stage_lapsed,
		left: m.stage_left
	}[s]();
}
