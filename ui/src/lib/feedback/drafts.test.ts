import { expect, it } from 'vitest';
import { emptyFeedback, feedbackInput, termOf } from './drafts';

it('names terms as insights count them: autumn runs into January', () => {
	expect(termOf(new Date(2026, 10, 22))).toEqual({ year: 2026, half: 'autumn' });
	expect(termOf(new Date(2027, 0, 10))).toEqual({ year: 2026, half: 'autumn' });
	expect(termOf(new Date(2027, 1, 1))).toEqual({ year: 2027, half: 'spring' });
	expect(termOf(new Date(2027, 6, 31))).toEqual({ year: 2027, half: 'spring' });
});

it('sends a missing overall score as 0, for Rust to name the field, and blank words as none', () => {
	const input = feedbackInput(5, { ...emptyFeedback('Autumn 2026', 2), teaching: 4, text: '  ' });
	expect(input).toMatchObject({ familyId: 5, overall: 0, teaching: 4, progress: null, text: null, recordedBy: 2 });
});
