// Turns a failed command into what a form shows: a message beside the field it concerns,
// or one banner when no field matches.
import { CommandError, type AppError } from '$lib/ipc';
import { errorMessage, validationMessage } from '$lib/i18n/labels';
import { m } from '$lib/paraglide/messages.js';

export type FormErrors = {
	/** Field path (`guardians.1.mobile`) → translated message. */
	fields: Record<string, string>;
	banner: string | null;
};

export const noErrors = (): FormErrors => ({ fields: {}, banner: null });

/** `known` lists the field paths the form can show; others go to the banner. */
export function formErrors(thrown: unknown, known: (path: string) => boolean): FormErrors {
	const error: AppError | null = thrown instanceof CommandError ? thrown.error : null;
	if (error === null) {
		return { fields: {}, banner: m.err_internal() };
	}
	if (error.kind === 'validation' && known(error.field)) {
		return { fields: { [error.field]: validationMessage(error.code) }, banner: null };
	}
	return { fields: {}, banner: errorMessage(error) };
}
