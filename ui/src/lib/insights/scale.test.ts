import { describe, expect, it } from 'vitest';
import { fitText, largest, layout, niceTop, ticks, valueText, type Chart } from './scale';

const chart = (over: Partial<Chart>): Chart => ({
	id: 't',
	title: 'T',
	unit: 'count',
	categories: ['a', 'b'],
	series: [{ name: 's', values: [3, 7] }],
	stacked: false,
	...over
});

describe('the value axis', () => {
	it('ends at a round number at or above the largest value', () => {
		expect(niceTop(7, 'count')).toBe(10);
		expect(niceTop(13, 'hours')).toBe(20);
		expect(niceTop(21, 'count')).toBe(25);
		expect(niceTop(0.4, 'hours')).toBe(0.5);
		expect(niceTop(50, 'count')).toBe(50);
		expect(niceTop(0, 'count')).toBe(1);
	});

	it('always runs to 100 for percentages', () => {
		expect(niceTop(40, 'percent')).toBe(100);
		expect(niceTop(0, 'percent')).toBe(100);
	});

	it('has evenly spaced ticks from zero', () => {
		expect(ticks(10)).toEqual([0, 2.5, 5, 7.5, 10]);
		expect(ticks(100)).toEqual([0, 25, 50, 75, 100]);
	});

	it('fits the tallest stack when bars are stacked', () => {
		const c = chart({ series: [{ name: 'x', values: [3, 7] }, { name: 'y', values: [6, null] }] });
		expect(largest(c)).toBe(7);
		expect(largest({ ...c, stacked: true })).toBe(9);
	});
});

describe('bar layout', () => {
	it('gives bars heights in proportion, on one baseline', () => {
		const g = layout(chart({}), 400, 200);
		expect(g.top).toBe(10);
		const [a, b] = g.bars;
		expect(a!.y + a!.height).toBeCloseTo(b!.y + b!.height);
		expect(b!.height / a!.height).toBeCloseTo(7 / 3);
		expect(b!.height).toBeCloseTo(g.plot.height * 0.7);
	});

	it('puts series side by side, or stacks them', () => {
		const two = chart({ series: [{ name: 'x', values: [2, 4] }, { name: 'y', values: [1, 1] }] });
		const side = layout(two, 400, 200).bars.filter((b) => b.category === 0);
		expect(side[1]!.x).toBeCloseTo(side[0]!.x + side[0]!.width);
		const stacked = layout({ ...two, stacked: true }, 400, 200).bars.filter((b) => b.category === 0);
		expect(stacked[1]!.x).toBe(stacked[0]!.x);
		expect(stacked[1]!.y + stacked[1]!.height).toBeCloseTo(stacked[0]!.y);
	});

	it('draws a missing value as no bar, and keeps every category', () => {
		const g = layout(chart({ series: [{ name: 's', values: [null, 50] }], unit: 'percent' }), 400, 200);
		expect(g.bars[0]!.height).toBe(0);
		expect(g.bars[0]!.value).toBeNull();
		expect(g.labels.map((l) => l.text)).toEqual(['a', 'b']);
	});

	it('leaves room for a legend only when there are series to tell apart', () => {
		const one = layout(chart({}), 400, 200);
		const two = layout(chart({ series: [{ name: 'x', values: [1, 1] }, { name: 'y', values: [1, 1] }] }), 400, 200);
		expect(two.plot.top).toBeGreaterThan(one.plot.top);
	});

	it('shortens labels that would run into the next one', () => {
		expect(fitText('Piano', 100, 11)).toBe('Piano');
		const cut = fitText('Interest & growth and more words', 60, 11);
		expect(cut.endsWith('…')).toBe(true);
		expect(fitText('兴趣与成长型家长', 40, 10)).toBe('兴趣与…');
	});
});

it('prints values as people read them', () => {
	expect(valueText(75, 'percent')).toBe('75%');
	expect(valueText(7.5, 'hours')).toBe('7.5');
	expect(valueText(12, 'count')).toBe('12');
	expect(valueText(null, 'percent')).toBe('—');
});

it('keeps a lone bar narrow and centred in its slot', () => {
	const g = layout(chart({ categories: ['only'], series: [{ name: 's', values: [5] }] }), 600, 200);
	const bar = g.bars[0]!;
	expect(bar.width).toBeLessThanOrEqual(72);
	expect(bar.x + bar.width / 2).toBeCloseTo(g.labels[0]!.x);
});
