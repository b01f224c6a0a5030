// The arithmetic of a bar chart, apart from the component so it can be tested: a round top
// for the value axis, its ticks, and where each bar goes.

export type Unit = 'percent' | 'count' | 'hours';

export type Series = { name: string; values: (number | null)[] };

export type Chart = {
	/** Stable id: the chart's test ids and file names derive from it. */
	id: string;
	title: string;
	unit: Unit;
	/** One label per group of bars along the bottom. */
	categories: string[];
	series: Series[];
	/** Series drawn on top of each other instead of side by side. */
	stacked: boolean;
};

export type BarBox = {
	x: number;
	y: number;
	width: number;
	height: number;
	series: number;
	category: number;
	value: number | null;
};

export type Geometry = {
	/** Left margin for the value axis, bottom margin for the category labels. */
	plot: { left: number; top: number; width: number; height: number };
	top: number;
	ticks: { value: number; y: number }[];
	bars: BarBox[];
	/** Where each category's label is centred, cut to fit its slot. */
	labels: { x: number; text: string }[];
	labelSize: number;
};

/** The smallest 1, 2, 2.5 or 5 × 10ⁿ at or above `v`; percentages always end at 100. */
export function niceTop(v: number, unit: Unit): number {
	if (unit === 'percent') return 100;
	if (!(v > 0)) return 1;
	const power = 10 ** Math.floor(Math.log10(v));
	for (const step of [1, 2, 2.5, 5, 10]) {
		if (step * power >= v) return step * power;
	}
	return 10 * power;
}

/** Evenly spaced ticks from 0 to `top`, whole numbers when `top` allows. */
export function ticks(top: number, count = 4): number[] {
	const step = top / count;
	return Array.from({ length: count + 1 }, (_, i) => Math.round(i * step * 100) / 100);
}

/** The tallest bar (or stack) the chart has to fit. */
export function largest(chart: Chart): number {
	let max = 0;
	chart.categories.forEach((_, c) => {
		const values = chart.series.map((s) => s.values[c] ?? 0);
		const here = chart.stacked ? values.reduce((a, b) => a + b, 0) : Math.max(0, ...values);
		max = Math.max(max, here);
	});
	return max;
}

const MARGIN = { left: 44, top: 14, right: 8, bottom: 28 };
const MAX_BAR = 72;
/** Room above the plot for the legend, when there is more than one series to tell apart. */
export const LEGEND_HEIGHT = 22;

/** Every bar's box in a `width` × `height` drawing; a missing value has no height. */
export function layout(chart: Chart, width: number, height: number): Geometry {
	const legend = chart.series.length > 1 ? LEGEND_HEIGHT : 0;
	const plot = {
		left: MARGIN.left,
		top: MARGIN.top + legend,
		width: Math.max(1, width - MARGIN.left - MARGIN.right),
		height: Math.max(1, height - MARGIN.top - legend - MARGIN.bottom)
	};
	const top = niceTop(largest(chart), chart.unit);
	const y = (v: number) => plot.top + plot.height - (v / top) * plot.height;
	const slot = plot.width / Math.max(1, chart.categories.length);
	const labelSize = chart.categories.length > 8 ? 10 : 11;
	const lanes = chart.stacked ? 1 : Math.max(1, chart.series.length);
	// A fifth of each slot is the gap between groups; a lone bar stays a bar, not a wall.
	const bar = Math.min((slot * 0.8) / lanes, MAX_BAR);
	const inset = (slot - bar * lanes) / 2;
	const bars: BarBox[] = [];
	chart.categories.forEach((_, c) => {
		let base = 0;
		chart.series.forEach((s, i) => {
			const value = s.values[c] ?? null;
			const v = Math.max(0, value ?? 0);
			const lane = chart.stacked ? 0 : i;
			const x = plot.left + c * slot + inset + lane * bar;
			const from = chart.stacked ? base : 0;
			bars.push({ x, y: y(from + v), width: bar, height: y(from) - y(from + v), series: i, category: c, value });
			if (chart.stacked) base += v;
		});
	});
	return {
		plot,
		top,
		ticks: ticks(top).map((value) => ({ value, y: y(value) })),
		bars,
		labels: chart.categories.map((text, c) => ({
			x: plot.left + c * slot + slot / 2,
			text: fitText(text, slot - 4, labelSize)
		})),
		labelSize
	};
}

/** Roughly how wide text is drawn: a Chinese character is about as wide as it is tall. */
export function textWidth(text: string, size: number): number {
	let w = 0;
	for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x1100 ? size : size * 0.6;
	return w;
}

/** `text`, shortened with an ellipsis when it would not fit in `px`. */
export function fitText(text: string, px: number, size: number): string {
	if (textWidth(text, size) <= px) return text;
	const chars = [...text];
	while (chars.length > 1 && textWidth(chars.join('') + '…', size) > px) chars.pop();
	return chars.join('') + '…';
}

/** A value as the chart prints it: 75%, 12, 7.5; a missing value as a dash. */
export function valueText(value: number | null, unit: Unit): string {
	if (value === null) return '—';
	const n = Number.isInteger(value) ? String(value) : value.toFixed(1);
	return unit === 'percent' ? `${n}%` : n;
}
