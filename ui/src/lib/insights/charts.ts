// The insights page's charts built from what Rust sends: the bars to draw and, for each
// chart, the rows its CSV holds (the same numbers, with the counts behind a percentage).
import { m } from '$lib/paraglide/messages.js';
import type { ChurnMonth, DeclineReason, Funnel, HoursMonth, RenewalRate, StageCount, TermAverage } from '$lib/ipc';
import { DECLINE_REASONS, declineLabel } from '$lib/renewals/labels';
import { SCORE_FIELDS } from '$lib/feedback/drafts';
import { scoreLabel } from '$lib/feedback/labels';
import type { Chart } from './scale';
import { stageLabel } from '$lib/lifecycle/labels';
import { monthTick, rateGroupLabel } from './labels';

export type Row = (string | number)[];

/** A chart with the table behind it, as the CSV export writes it. */
export type InsightChart = Chart & { headers: string[]; rows: Row[]; /** A line of plain text under the bars. */ note?: string };

export type RateBy = 'motivation' | 'course' | 'teacher' | 'term';

/** Each grouping's chart title and the heading of its first column. */
const RATE_WORDS: Record<RateBy, [() => string, () => string]> = {
	motivation: [m.insight_rate_by_motivation, m.insight_col_motivation],
	course: [m.insight_rate_by_course, m.insight_col_course],
	teacher: [m.insight_rate_by_teacher, m.insight_col_teacher],
	term: [m.insight_rate_by_term, m.insight_col_term]
};

export function rateChart(by: RateBy, rates: RenewalRate[]): InsightChart {
	const labelled = rates.map((r) => ({ ...r, label: rateGroupLabel(r.group) }));
	const [title, groupHeader] = RATE_WORDS[by];
	return {
		id: `rate-${by}`,
		title: title(),
		unit: 'percent',
		stacked: false,
		categories: labelled.map((r) => r.label),
		series: [{ name: m.insight_col_rate(), values: rates.map((r) => r.percent) }],
		headers: [groupHeader(), m.insight_col_renewed(), m.insight_col_declined(), m.insight_col_rate()],
		rows: labelled.map((r) => [r.label, r.renewed, r.declined, r.percent ?? ''])
	};
}

/** Reasons stacked month by month; only reasons someone gave appear, in the desk's order. */
export function churnChart(months: ChurnMonth[]): InsightChart {
	const given = new Set<DeclineReason>(months.flatMap((mo) => mo.reasons.map((r) => r.reason)));
	const reasons = DECLINE_REASONS.filter((r) => given.has(r));
	const count = (mo: ChurnMonth, reason: DeclineReason) => mo.reasons.find((r) => r.reason === reason)?.count ?? 0;
	return {
		id: 'churn',
		title: m.insight_churn_title(),
		unit: 'count',
		stacked: true,
		categories: months.map((mo, i) => monthTick(mo.month, i)),
		series: reasons.map((reason) => ({ name: declineLabel(reason), values: months.map((mo) => count(mo, reason)) })),
		headers: [m.insight_col_month(), m.insight_col_total(), ...reasons.map(declineLabel)],
		rows: months.map((mo) => [mo.month, mo.total, ...reasons.map((r) => count(mo, r))])
	};
}

type Column = { name: string; values: (number | null)[] };

/** Side-by-side bars month by month, the CSV one row a month with one column a series. */
function monthly(id: string, title: string, months: string[], columns: Column[]): InsightChart {
	return {
		id,
		title,
		unit: id === 'hours' ? 'hours' : 'count',
		stacked: false,
		categories: months.map(monthTick),
		series: columns,
		headers: [m.insight_col_month(), ...columns.map((c) => c.name)],
		rows: months.map((month, i) => [month, ...columns.map((c) => c.values[i] ?? '')])
	};
}

export function hoursChart(months: HoursMonth[]): InsightChart {
	const values = (k: 'sold' | 'bonus' | 'used') => months.map((mo) => mo.hours[k]);
	return monthly(
		'hours',
		m.insight_hours_title(),
		months.map((mo) => mo.month),
		[
			{ name: m.insight_col_sold(), values: values('sold') },
			{ name: m.insight_col_bonus(), values: values('bonus') },
			{ name: m.insight_col_used(), values: values('used') }
		]
	);
}

export function funnelChart(funnel: Funnel): InsightChart {
	const values = (k: 'prospects' | 'trials' | 'enrolled') => funnel.months.map((mo) => mo.counts[k]);
	return monthly(
		'funnel',
		m.insight_funnel_title(),
		funnel.months.map((mo) => mo.month),
		[
			{ name: m.insight_col_prospects(), values: values('prospects') },
			{ name: m.insight_col_trials(), values: values('trials') },
			{ name: m.insight_col_enrolled(), values: values('enrolled') }
		]
	);
}

export function lifecycleChart(counts: StageCount[]): InsightChart {
	return {
		id: 'lifecycle',
		title: m.insight_lifecycle_title(),
		unit: 'count',
		stacked: true,
		categories: counts.map((c) => stageLabel(c.stage)),
		series: [
			{ name: m.insight_col_students(), values: counts.map((c) => c.students) },
			{ name: m.insight_col_leads(), values: counts.map((c) => c.leads) }
		],
		headers: [m.insight_col_stage(), m.insight_col_students(), m.insight_col_leads()],
		rows: counts.map((c) => [stageLabel(c.stage), c.students, c.leads])
	};
}

/** Each term's average scores, oldest term first like the other charts. */
export function feedbackChart(terms: TermAverage[]): InsightChart {
	const ordered = [...terms].reverse();
	const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
	const scores = (t: TermAverage) => SCORE_FIELDS.map((f) => round(t[f]));
	const names = SCORE_FIELDS.map(scoreLabel);
	return {
		id: 'feedback',
		title: m.insight_feedback_title(),
		unit: 'count',
		stacked: false,
		categories: ordered.map((t) => t.term),
		series: names.map((name, k) => ({ name, values: ordered.map((t) => scores(t)[k] ?? null) })),
		headers: [m.insight_col_term(), m.insight_col_responses(), ...names],
		rows: ordered.map((t) => [t.term, t.responses, ...scores(t).map((v) => v ?? '')])
	};
}
