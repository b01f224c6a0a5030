// What an export button shows, step by step, and the list requests each page sends. Kept
// apart from the component so it can be tested without a webview.
import type { ExportList, ExportProgress, TagFilter, WorklistFilter, WorklistRow } from '$lib/ipc';

export type ExportState =
	| { phase: 'idle' }
	| { phase: 'running'; done: number; total: number; cancelling: boolean }
	| { phase: 'saved'; path: string }
	| { phase: 'cancelled' }
	| { phase: 'failed'; message: string };

export const idle: ExportState = { phase: 'idle' };

export function started(): ExportState {
	return { phase: 'running', done: 0, total: 0, cancelling: false };
}

export function progressed(state: ExportState, p: ExportProgress): ExportState {
	return state.phase === 'running' ? { ...state, done: p.rowsDone, total: p.rowsTotal } : state;
}

export function cancelling(state: ExportState): ExportState {
	return state.phase === 'running' ? { ...state, cancelling: true } : state;
}

/** No path means nothing was written: cancelled if the user asked, else the dialog was closed. */
export function finished(state: ExportState, path: string | null): ExportState {
	if (path !== null) return { phase: 'saved', path };
	return state.phase === 'running' && state.cancelling ? { phase: 'cancelled' } : idle;
}

/** The worklist as the page shows it: its filters, its quick filter and sort, ticked rows only when some are. */
export function worklistExport(filter: WorklistFilter, rows: readonly WorklistRow[]): ExportList {
	return {
		kind: 'renewals',
		filter,
		shown: rows.map((r) => ({ studentId: r.studentId, courseId: r.courseId }))
	};
}

export function peopleExport(
	kind: 'families' | 'students',
	includeArchived: boolean,
	filter: TagFilter,
	shownIds: readonly number[]
): ExportList {
	return { kind, includeArchived, filter, shown: [...shownIds] };
}
