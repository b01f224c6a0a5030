// The period the insights cover: a few ready choices and custom dates, as `YYYY-MM-DD`.
import type { Period } from '$lib/ipc';
import { localDate } from '$lib/families/drafts';

export type PeriodChoice = 'last12' | 'this_year' | 'last_year' | 'custom';
export const PERIOD_CHOICES: PeriodChoice[] = ['last12', 'this_year', 'last_year', 'custom'];

/** `custom` keeps the dates given; the others are worked out from `today`. */
export function periodFor(choice: PeriodChoice, today: Date, custom: Period): Period {
	const year = today.getFullYear();
	switch (choice) {
		case 'last12':
			// The eleven months before this one, whole, and this month up to today.
			return { from: localDate(new Date(year, today.getMonth() - 11, 1)), to: localDate(today) };
		case 'this_year':
			return { from: `${year}-01-01`, to: localDate(today) };
		case 'last_year':
			return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
		case 'custom':
			return custom;
	}
}
