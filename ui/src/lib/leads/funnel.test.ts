import { describe, expect, it } from 'vitest';
import { hasLeads, lastTwelveMonths, percentText, tenureMonths } from './funnel';

describe('funnel', () => {
	it('asks for this month and the eleven before it, up to today', () => {
		expect(lastTwelveMonths(new Date(2026, 10, 22))).toEqual({ from: '2025-12-01', to: '2026-11-22' });
		expect(lastTwelveMonths(new Date(2026, 0, 5))).toEqual({ from: '2025-02-01', to: '2026-01-05' });
	});

	it('shows a share as a percentage, and a dash when there is no whole', () => {
		expect(percentText(40)).toBe('40%');
		expect(percentText(0)).toBe('0%');
		expect(percentText(null)).toBe('—');
	});

	it('leaves months without prospects out', () => {
		const counts = { prospects: 0, trials: 0, enrolled: 0, enrolledAfterTrial: 0, trialPercent: null, enrolledPercent: null, trialEnrolledPercent: null };
		expect(hasLeads(counts)).toBe(false);
		expect(hasLeads({ ...counts, prospects: 1 })).toBe(true);
	});

	it('counts a tenure in whole months', () => {
		expect(tenureMonths(0)).toBe(0);
		expect(tenureMonths(30)).toBe(0);
		expect(tenureMonths(365)).toBe(11);
		expect(tenureMonths(366)).toBe(12);
	});
});
