// The import commands fail with their own type (a file problem, rows with problems…), not
// the usual AppError; this awaits one and throws the failure for the page to word.
import type { ImportFailure } from '$lib/ipc';

export class ImportStepError extends Error {
	constructor(public readonly failure: ImportFailure) {
		super(`import step failed: ${failure.kind}`);
	}
}

type Outcome<T> = { status: 'ok'; data: T } | { status: 'error'; error: ImportFailure };

export async function step<T>(pending: Promise<Outcome<T>>): Promise<T> {
	const outcome = await pending;
	if (outcome.status === 'error') {
		throw new ImportStepError(outcome.error);
	}
	return outcome.data;
}

/** Rows the import would write: every row, less those with problems when they are skipped. */
export function rowsToImport(rows: number, problemRows: number, skipInvalid: boolean): number {
	return skipInvalid || problemRows === 0 ? rows - problemRows : 0;
}
