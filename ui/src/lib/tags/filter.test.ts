import { describe, expect, it } from 'vitest';
import { decodeFilter, encodeFilter, everyone } from './filter';

describe('tag filter value', () => {
	it('round-trips motivations, tags and everyone', () => {
		for (const f of [everyone(), { motivation: 'honors' as const, tagId: null }, { motivation: null, tagId: 12 }]) {
			expect(decodeFilter(encodeFilter(f))).toEqual(f);
		}
	});
});
