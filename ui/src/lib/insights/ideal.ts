// The ideal-family panel's charts: for each trait, its share among the top families (the best
// quarter by value score) beside its share among every paying family, and how many times as
// common it is among the best (the lift). The CSV keeps the counts behind each share.
import { m } from '$lib/paraglide/messages.js';
import type { IdealFamily, ProfileKey, ProfileShare } from '$lib/ipc';
import { motivationLabel } from '$lib/i18n/labels';
import { sourceLabel } from '$lib/leads/labels';
import type { InsightChart } from './charts';

export type IdealBy = 'motivation' | 'course' | 'source';

const TITLES: Record<IdealBy, () => string> = {
	motivation: m.ideal_by_motivation,
	course: m.ideal_by_course,
	source: m.ideal_by_source
};

export function profileKeyLabel(k: ProfileKey): string {
	switch (k.by) {
		case 'motivation':
			return k.motivation ? motivationLabel(k.motivation) : m.insight_untagged();
		case 'course':
			return k.name;
		case 'source':
			return k.source ? sourceLabel(k.source) : m.ideal_direct();
	}
}

/** "1.5", "2": a lift as the page writes it, or null when there is none. */
export function liftText(lift: number | null): string | null {
	return lift === null ? null : String(Math.round(lift * 100) / 100);
}

export function idealChart(by: IdealBy, shares: ProfileShare[]): InsightChart {
	const labelled = shares.map((s) => ({ ...s, label: profileKeyLabel(s.key) }));
	const lifts = labelled.flatMap((s) => {
		const lift = liftText(s.lift);
		return lift === null ? [] : [m.ideal_lift_item({ trait: s.label, lift })];
	});
	return {
		id: `ideal-${by}`,
		title: TITLES[by](),
		unit: 'percent',
		stacked: false,
		categories: labelled.map((s) => s.label),
		series: [
			{ name: m.ideal_col_top(), values: shares.map((s) => s.topPercent) },
			{ name: m.ideal_col_all(), values: shares.map((s) => s.allPercent) }
		],
		headers: [
			m.ideal_col_trait(),
			m.ideal_col_top_count(),
			m.ideal_col_top(),
			m.ideal_col_all_count(),
			m.ideal_col_all(),
			m.ideal_col_lift()
		],
		rows: labelled.map((s) => [s.label, s.topFamilies, s.topPercent ?? '', s.allFamilies, s.allPercent ?? '', liftText(s.lift) ?? '']),
		note: lifts.length ? `${m.ideal_lift_heading()} ${lifts.join(' · ')}` : undefined
	};
}

export function idealCharts(ideal: IdealFamily): InsightChart[] {
	return [
		idealChart('motivation', ideal.byMotivation),
		idealChart('course', ideal.byCourse),
		idealChart('source', ideal.bySource)
	];
}

const oneDecimal = (v: number | null) => (v === null ? '—' : String(Math.round(v * 10) / 10));

/** The line above the charts: how many top families, from what score, against how many. */
export function idealSummary(ideal: IdealFamily): string | null {
	if (ideal.minScore === null) return null;
	return m.ideal_summary({
		top: ideal.top.families,
		min: ideal.minScore,
		all: ideal.all.families,
		topScore: oneDecimal(ideal.top.score),
		allScore: oneDecimal(ideal.all.score)
	});
}
