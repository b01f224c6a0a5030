import { describe, expect, it } from 'vitest';
import { lastSlot, STATUS_KEYS } from './slot';

describe('roll call slot', () => {
	// 2026-11-22 is a Sunday.
	const sunday = new Date(2026, 10, 22, 15, 0);

	it('is today when the class meets today', () => {
		expect(lastSlot(7, '09:30', sunday)).toBe('2026-11-22T09:30');
	});

	it('is the most recent matching weekday otherwise', () => {
		expect(lastSlot(6, '10:00', sunday)).toBe('2026-11-21T10:00');
		expect(lastSlot(1, '18:00', sunday)).toBe('2026-11-16T18:00');
	});

	it('crosses month ends', () => {
		expect(lastSlot(5, '16:00', new Date(2026, 11, 1, 8, 0))).toBe('2026-11-27T16:00');
	});

	it('every status has a key', () => {
		expect(new Set(Object.values(STATUS_KEYS)).size).toBe(5);
	});
});
