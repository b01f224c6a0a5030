import { describe, expect, it } from 'vitest';
import type { Account, EntryKind, LedgerLine } from '$lib/ipc';
import { statementTotals } from './totals';

function line(kind: EntryKind, hours: number, balance: number): LedgerLine {
	return {
		entryId: 1,
		date: '2026-09-01',
		kind,
		hours,
		balance,
		packageId: 1,
		className: null,
		teacherName: null,
		status: null,
		reason: null,
		authorName: null,
		uncovered: 0,
		reversed: false
	};
}

describe('statement totals', () => {
	it('bought − used ± other changes is exactly what remains', () => {
		const account: Account = {
			studentId: 1,
			courseId: 1,
			courseName: '美术 Art',
			balance: 10,
			onCredit: 0,
			packages: [],
			lines: [
				line('purchase', 20, 20),
				line('lesson', -1.5, 18.5),
				line('purchase', 20, 38.5),
				line('bonus', 2, 40.5),
				line('lesson', -21, 19.5),
				line('correction', 1.5, 21),
				line('transfer_out', -9, 12),
				line('expiry', -2, 10)
			]
		};
		const t = statementTotals(account);
		expect(t).toMatchObject({ bought: 42, used: 22.5, other: -9.5, remaining: 10 });
		expect(t.bought - t.used + t.other).toBe(t.remaining);
	});
});
