import { afterEach, describe, expect, it } from 'vitest';
import { applyLocale } from '$lib/i18n/locale.svelte';
import type { IdealFamily, ProfileShare } from '$lib/ipc';
import { idealChart, idealCharts, idealSummary, liftText } from './ideal';

afterEach(() => applyLocale('en'));

const share = (key: ProfileShare['key'], top: number, all: number, tp: number | null, ap: number | null, lift: number | null): ProfileShare => ({
	key,
	topFamilies: top,
	allFamilies: all,
	topPercent: tp,
	allPercent: ap,
	lift
});

const summary = (families: number, score: number) => ({ families, renewals: 1, referrals: 0, tenureDays: 200, hoursBought: 40, score });

const ideal: IdealFamily = {
	minScore: 45,
	top: summary(3, 61.33),
	all: summary(10, 30.04),
	byMotivation: [
		share({ by: 'motivation', motivation: 'future' }, 2, 3, 67, 30, 2.22),
		share({ by: 'motivation', motivation: null }, 0, 4, 0, 40, 0)
	],
	byCourse: [share({ by: 'course', id: 7, name: '<b>Piano</b>' }, 3, 6, 100, 60, 1.67)],
	bySource: [
		share({ by: 'source', source: 'referral' }, 2, 2, 67, 20, 3.35),
		share({ by: 'source', source: null }, 1, 8, 33, 80, null)
	]
};

describe('ideal family', () => {
	it('draws top and all shares side by side, the CSV keeping counts and lift', () => {
		const c = idealChart('motivation', ideal.byMotivation);
		expect(c.id).toBe('ideal-motivation');
		expect(c.unit).toBe('percent');
		expect(c.categories).toEqual(['Future development', 'Not tagged']);
		expect(c.series.map((s) => s.values)).toEqual([
			[67, 0],
			[30, 40]
		]);
		expect(c.headers).toHaveLength(6);
		expect(c.rows).toEqual([
			['Future development', 2, 67, 3, 30, '2.22'],
			['Not tagged', 0, 0, 4, 40, '0']
		]);
		expect(c.note).toContain('Future development ×2.22');
	});

	it('names a course by its own name, as text, and a missing source as entered directly', () => {
		const [, course, source] = idealCharts(ideal);
		expect(course!.categories).toEqual(['<b>Piano</b>']);
		expect(source!.categories).toEqual(['Referral', 'Entered directly']);
		expect(source!.rows[1]).toEqual(['Entered directly', 1, 33, 8, 80, '']);
		expect(source!.note).not.toContain('Entered directly');
	});

	it('leaves the note out when no trait has a lift', () => {
		expect(idealChart('course', []).note).toBeUndefined();
		expect(liftText(null)).toBeNull();
		expect(liftText(1.456)).toBe('1.46');
	});

	it('sums up the top families, or nothing before any family scores', () => {
		expect(idealSummary(ideal)).toBe('3 top families (score 45 or more) of 10 paying families; average score 61.3 vs 30.');
		expect(idealSummary({ ...ideal, minScore: null })).toBeNull();
		applyLocale('zh-CN');
		expect(idealChart('source', ideal.bySource).categories[1]).toBe('直接录入');
	});
});
