/** Whether any of a row's names contains what was typed in a list's quick filter. */
export function matchesFilter(names: readonly string[], filter: string): boolean {
	const f = filter.trim().toLowerCase();
	return f === '' || names.some((n) => n.toLowerCase().includes(f));
}
