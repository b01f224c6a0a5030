// The note form's draft and its conversion to the command input.
import type { ContactChannel, Note, NoteInput, NoteKind } from '$lib/ipc';

export type NoteDraft = {
	kind: NoteKind;
	channel: ContactChannel;
	authorId: number | null;
	studentId: number | null;
	guardianId: number | null;
	body: string;
	/** `datetime-local` value: YYYY-MM-DDTHH:MM on the school's clock. */
	when: string;
};

export function localDateTime(now: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

export function emptyNote(now: Date, authorId: number | null): NoteDraft {
	return {
		kind: 'progress_update',
		channel: 'wechat',
		authorId,
		studentId: null,
		guardianId: null,
		body: '',
		when: localDateTime(now)
	};
}

export function noteDraft(note: Note): NoteDraft {
	return {
		kind: note.kind,
		channel: note.channel,
		authorId: note.authorId,
		studentId: note.studentId,
		guardianId: note.guardianId,
		body: note.body,
		when: note.occurredAt.slice(0, 16)
	};
}

/** Rust reads seconds, which the picker leaves out. */
export function noteInput(familyId: number, d: NoteDraft): NoteInput {
	return {
		familyId,
		studentId: d.studentId,
		guardianId: d.guardianId,
		authorId: d.authorId ?? 0,
		channel: d.channel,
		kind: d.kind,
		body: d.body,
		occurredAt: d.when.length === 16 ? `${d.when}:00` : d.when
	};
}
