// Words for the insights' codes and groups, in the UI language.
import { m } from '$lib/paraglide/messages.js';
import type { RateGroup, TermHalf } from '$lib/ipc';
import { motivationLabel } from '$lib/i18n/labels';

/** "Autumn 2026", "2026 秋季": terms as insights count them and feedback names them. */
export function termLabel(year: number, half: TermHalf): string {
	return half === 'spring' ? m.insight_term_spring({ year }) : m.insight_term_autumn({ year });
}

export function rateGroupLabel(g: RateGroup): string {
	switch (g.by) {
		case 'motivation':
			return g.motivation ? motivationLabel(g.motivation) : m.insight_untagged();
		case 'course':
			return g.name;
		case 'teacher':
			return g.name ?? m.insight_no_class();
		case 'term':
			return termLabel(g.year, g.half);
	}
}

/** A month along a chart's axis: the year only where it changes, so twelve labels fit. */
export function monthTick(month: string, index: number): string {
	return index === 0 || month.endsWith('-01') ? month : month.slice(5);
}
