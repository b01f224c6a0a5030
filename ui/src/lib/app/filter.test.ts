import { describe, expect, it } from 'vitest';
import { matchesFilter } from './filter';

describe('list filter', () => {
	it('matches any name, ignoring case and surrounding spaces', () => {
		expect(matchesFilter(['张家', 'Laura Miller'], ' miller ')).toBe(true);
		expect(matchesFilter(['张家', 'Laura Miller'], '小明')).toBe(false);
		expect(matchesFilter(['张小明'], '小明')).toBe(true);
	});

	it('an empty filter keeps every row', () => {
		expect(matchesFilter([], '  ')).toBe(true);
	});
});
