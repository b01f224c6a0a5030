// The funnel panel's arithmetic that is not the core's: which months to ask for, and how a
// share reads on screen.
import type { FunnelCounts, Period } from '$lib/ipc';
import { localDate } from '$lib/families/drafts';

/** This month and the eleven before it, up to today: the funnel's default window. */
export function lastTwelveMonths(today: Date): Period {
	const from = new Date(today.getFullYear(), today.getMonth() - 11, 1);
	return { from: localDate(from), to: localDate(today) };
}

/** `40%`, or a dash when there was nothing to divide by (no prospects, no trials). */
export function percentText(percent: number | null): string {
	return percent === null ? '—' : `${percent}%`;
}

/** Months with no lead at all say nothing; they are left out of the table. */
export function hasLeads(counts: FunnelCounts): boolean {
	return counts.prospects > 0;
}

/** Whole months of a tenure in days (an average month is 30.44 days). */
export function tenureMonths(days: number): number {
	return Math.floor(days / 30.44);
}
