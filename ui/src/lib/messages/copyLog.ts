// Copy first, then note the copy on the family's timeline: the timeline only records what
// actually reached the clipboard. Shared by the family's message panel and segment messages.
import { commands, run, type ContactChannel, type Message } from '$lib/ipc';
import { copyText } from './copy';

/**
 * False when the clipboard refused the text (nothing is logged); throws the command's error
 * when the copy could not be noted.
 */
export async function copyAndLog(msg: Message, text: string, channel: ContactChannel, staffId: number): Promise<boolean> {
	if (!(await copyText(text))) return false;
	await run(
		commands.logCopiedMessage({
			familyId: msg.familyId,
			studentId: msg.studentId,
			goal: msg.goal,
			channel,
			text,
			staffId
		})
	);
	return true;
}
