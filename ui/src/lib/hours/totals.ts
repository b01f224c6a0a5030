// The four figures at the top of a statement. They always add up the way a parent checks
// them: bought − used ± other changes = remaining.
import type { Account } from '$lib/ipc';

export type Totals = { bought: number; used: number; other: number; remaining: number; until: string | null };

export function statementTotals(a: Account): Totals {
	let bought = 0;
	let used = 0;
	let other = 0;
	for (const line of a.lines) {
		const h = line.hours ?? 0;
		if (line.kind === 'purchase' || line.kind === 'bonus') bought += h;
		else if (line.kind === 'lesson') used -= h;
		else other += h;
	}
	const open = a.packages.filter((p) => (p.remaining ?? 0) > 0).map((p) => p.validUntil);
	return { bought, used, other, remaining: a.balance ?? 0, until: open.sort().at(-1) ?? null };
}
