import { afterEach, describe, expect, it } from 'vitest';
import { applyLocale } from '$lib/i18n/locale.svelte';
import type { ChurnMonth, HoursMonth, RenewalRate, StageCount, TermAverage } from '$lib/ipc';
import { churnChart, feedbackChart, hoursChart, lifecycleChart, rateChart } from './charts';
import { periodFor } from './period';

afterEach(() => applyLocale('en'));

const rate = (group: RenewalRate['group'], renewed: number, declined: number, percent: number | null): RenewalRate => ({
	group,
	renewed,
	declined,
	percent
});

describe('CSV rows', () => {
	it('carry the counts behind each renewal rate, in the UI language', () => {
		const rates = [
			rate({ by: 'motivation', motivation: 'future' }, 3, 1, 75),
			rate({ by: 'motivation', motivation: null }, 0, 0, null)
		];
		const c = rateChart('motivation', rates);
		expect(c.headers).toEqual(['Motivation type', 'Renewed', 'Declined', 'Renewal rate (%)']);
		expect(c.rows).toEqual([
			['Future development', 3, 1, 75],
			['Not tagged', 0, 0, '']
		]);
		expect(c.series[0]!.values).toEqual([75, null]);
		applyLocale('zh-CN');
		expect(rateChart('term', [rate({ by: 'term', year: 2026, half: 'autumn' }, 1, 1, 50)]).rows[0]![0]).toBe('2026 秋季');
	});

	it('list churn reasons someone gave, one column each, every month kept', () => {
		const months: ChurnMonth[] = [
			{ month: '2026-10', total: 0, reasons: [] },
			{
				month: '2026-11',
				total: 3,
				reasons: [
					{ reason: 'price', count: 2, words: { en: 'Price', 'zh-CN': '价格' } },
					{ reason: 'schedule', count: 1, words: { en: 'Schedule', 'zh-CN': '时间' } }
				]
			}
		];
		const c = churnChart(months);
		expect(c.headers).toEqual(['Month', 'Total', 'Schedule', 'Price']);
		expect(c.rows).toEqual([
			['2026-10', 0, 0, 0],
			['2026-11', 3, 1, 2]
		]);
		expect(c.stacked).toBe(true);
		expect(c.categories).toEqual(['2026-10', '11']);
	});

	it('keep hours as numbers and a missing total blank', () => {
		const months: HoursMonth[] = [{ month: '2026-01', hours: { sold: 40, bonus: 2, used: 31.5 } }];
		expect(hoursChart(months).rows).toEqual([['2026-01', 40, 2, 31.5]]);
		const odd: HoursMonth[] = [{ month: '2026-02', hours: { sold: null, bonus: 0, used: 1 } }];
		expect(hoursChart(odd).rows).toEqual([['2026-02', '', 0, 1]]);
	});

	it('name each lifecycle stage', () => {
		const counts: StageCount[] = [{ stage: 'at_risk', students: 4, leads: 0 }];
		expect(lifecycleChart(counts).rows).toEqual([['At risk', 4, 0]]);
	});

	it('show feedback terms oldest first with rounded averages', () => {
		const terms: TermAverage[] = [
			{ term: 'Autumn 2026', responses: 3, families: 3, teaching: 4.333, progress: null, communication: 5, overall: 4.666 },
			{ term: 'Spring 2026', responses: 1, families: 1, teaching: null, progress: null, communication: null, overall: 3 }
		];
		const c = feedbackChart(terms);
		expect(c.categories).toEqual(['Spring 2026', 'Autumn 2026']);
		expect(c.rows[1]).toEqual(['Autumn 2026', 3, 4.7, 4.3, '', 5]);
	});
});

describe('the period', () => {
	const today = new Date(2026, 10, 22);
	const none = { from: '', to: '' };
	it('covers whole months back from this one', () => {
		expect(periodFor('last12', today, none)).toEqual({ from: '2025-12-01', to: '2026-11-22' });
		expect(periodFor('this_year', today, none)).toEqual({ from: '2026-01-01', to: '2026-11-22' });
		expect(periodFor('last_year', today, none)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
	});
	it('keeps custom dates as given', () => {
		const custom = { from: '2026-03-01', to: '2026-04-30' };
		expect(periodFor('custom', today, custom)).toBe(custom);
	});
});
