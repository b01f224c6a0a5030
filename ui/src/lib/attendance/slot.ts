// Which lesson a roll call is most likely for: the class's weekly slot on the most recent
// matching day (today when it is that weekday).

const pad = (n: number) => String(n).padStart(2, '0');

/** `weekday` 1 = Monday … 7 = Sunday; `time` "HH:MM". Returns a `datetime-local` value. */
export function lastSlot(weekday: number, time: string, now: Date): string {
	const today = ((now.getDay() + 6) % 7) + 1; // JS: 0 = Sunday
	const back = (today - weekday + 7) % 7;
	const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() - back);
	return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}T${time}`;
}

/** Keys that mark a row, so a class of twelve is called without the mouse. */
export const STATUS_KEYS = { p: 'present', l: 'late', e: 'excused', u: 'unexcused', m: 'make_up' } as const;
