// Sorting and display rules of the renewal worklist, kept apart from the page so they can be
// tested without a webview.
import type { Bilingual, RenewalStatus, WorklistRow } from '$lib/ipc';

export type SortKey =
	| 'student'
	| 'course'
	| 'teacher'
	| 'hours'
	| 'expires'
	| 'attendance'
	| 'contact'
	| 'risk'
	| 'status';

export type Sort = { key: SortKey; descending: boolean };

/** The server's order: highest risk first. */
export const BY_RISK: Sort = { key: 'risk', descending: true };

/** Statuses a user can pick; "renewed" comes from selling the new package. */
export const SETTABLE_STATUSES: RenewalStatus[] = ['to_contact', 'contacted', 'meeting_scheduled', 'postponed', 'declined'];

const STATUS_ORDER: Record<RenewalStatus, number> = {
	to_contact: 0,
	contacted: 1,
	meeting_scheduled: 2,
	postponed: 3,
	declined: 4,
	renewed: 5
};

const collator = new Intl.Collator(['zh-CN', 'en'], { numeric: true });

// Missing values (never contacted, no roll calls) sort last whichever the direction.
type Value = string | number | null;

function value(row: WorklistRow, key: SortKey): Value {
	switch (key) {
		case 'student':
			return row.studentName;
		case 'course':
			return row.courseName;
		case 'teacher':
			return row.teachers[0]?.name ?? null;
		case 'hours':
			return row.hoursLeft;
		case 'expires':
			return row.expiresOn;
		case 'attendance':
			return row.attendanceRecent;
		case 'contact':
			// Never contacted is the longest silence.
			return row.daysSinceContact ?? Number.MAX_SAFE_INTEGER;
		case 'risk':
			return row.risk.score;
		case 'status':
			return STATUS_ORDER[row.cycle.status];
	}
}

export function sortRows(rows: readonly WorklistRow[], sort: Sort): WorklistRow[] {
	const sign = sort.descending ? -1 : 1;
	// Array.prototype.sort is stable, so ties keep the server's ranking.
	return [...rows].sort((a, b) => {
		const x = value(a, sort.key);
		const y = value(b, sort.key);
		if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
		const order = typeof x === 'string' && typeof y === 'string' ? collator.compare(x, y) : Number(x) - Number(y);
		return sign * order;
	});
}

/** Clicking a column sorts by it; clicking it again reverses. Numbers start largest first. */
export function nextSort(current: Sort, key: SortKey): Sort {
	if (current.key === key) return { key, descending: !current.descending };
	return { key, descending: key === 'risk' || key === 'contact' };
}

export function percent(share: number | null): string {
	return share === null ? '—' : `${Math.round(share * 100)}%`;
}

export function pick(text: Bilingual, locale: 'en' | 'zh-CN'): string {
	return text[locale];
}

/** A row's key: one student may be due in several courses. */
export const rowKey = (r: WorklistRow): string => `${r.studentId}-${r.courseId}`;
