// A segment's messages split for the screen: those ready to copy, and the families that got
// a reason instead (missing data or a template problem), each list by family name.
import type { Message } from '$lib/ipc';
import { problemText } from '$lib/scripts/labels';
import { missingLabel } from './labels';

export type ReadyMessage = Message & { text: string };
export type Unwritten = { familyId: number; familyName: string; reason: string };

// Chinese names by pinyin, as the worklist sorts them.
const collator = new Intl.Collator(['zh-CN', 'en'], { numeric: true });
const byName = (a: { familyName: string }, b: { familyName: string }) => collator.compare(a.familyName, b.familyName);

export function splitMessages(messages: Message[]): { ready: ReadyMessage[]; without: Unwritten[] } {
	const ready: ReadyMessage[] = [];
	const without: Unwritten[] = [];
	for (const msg of messages) {
		if (msg.text !== null && !msg.missing && !msg.problem) {
			ready.push({ ...msg, text: msg.text });
		} else {
			without.push({ familyId: msg.familyId, familyName: msg.familyName, reason: reasonText(msg) });
		}
	}
	return { ready: ready.sort(byName), without: without.sort(byName) };
}

/** Why a family has no message, in the UI language. */
export function reasonText(msg: Message): string {
	if (msg.missing) return missingLabel(msg.missing);
	if (msg.problem) return problemText(msg.problem);
	return missingLabel('no_student');
}
