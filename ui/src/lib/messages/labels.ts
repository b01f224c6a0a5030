// Words for the codes of goal-based messages, in the UI language.
import { m } from '$lib/paraglide/messages.js';
import type { ContactChannel, MessageGoal, Missing } from '$lib/ipc';

export const MESSAGE_GOALS: MessageGoal[] = [
	'renewal_reminder',
	'progress_update',
	'inform_event',
	'ask_feedback',
	'upsell_hours',
	'cross_sell',
	'convert_trial',
	'win_back'
];

/** A message is pasted somewhere: phone calls and meetings are not places to paste. */
export const MESSAGE_CHANNELS: ContactChannel[] = ['wechat', 'sms', 'email'];

export function messageGoalLabel(g: MessageGoal): string {
	return {
		inform_event: m.message_goal_inform_event,
		convert_trial: m.message_goal_convert_trial,
		renewal_reminder: m.message_goal_renewal_reminder,
		upsell_hours: m.message_goal_upsell_hours,
		cross_sell: m.message_goal_cross_sell,
		progress_update: m.message_goal_progress_update,
		ask_feedback: m.message_goal_ask_feedback,
		win_back: m.message_goal_win_back
	}[g]();
}

/** Why no message could be written for this family. */
export function missingLabel(x: Missing): string {
	return {
		no_student: m.message_missing_no_student,
		no_course: m.message_missing_no_course,
		no_event: m.message_missing_no_event,
		no_other_course: m.message_missing_no_other_course,
		messages_declined: m.message_missing_messages_declined
	}[x]();
}
