// The segment editor's draft and its conversion to and from what Rust stores. The editor
// shows the criteria staff use most; criteria it does not show are kept as they were.
import type { ContactChannel, MotivationType, Range, SavedSegment, SegmentDefinition, SegmentInput } from '$lib/ipc';

export type SegmentDraft = {
	name: string;
	renewalsMin: number | null;
	renewalsMax: number | null;
	tenureMin: number | null;
	tenureMax: number | null;
	skillLevels: string[];
	/** A school's own grade, besides the three common levels. */
	otherLevel: string;
	channels: ContactChannel[];
	motivations: MotivationType[];
	courseIds: number[];
	/** The stored definition, for the criteria the editor does not show. */
	kept: SegmentDefinition;
};

const COMMON = ['beginner', 'intermediate', 'advanced'];

export function emptySegment(): SegmentDraft {
	return {
		name: '',
		renewalsMin: null,
		renewalsMax: null,
		tenureMin: null,
		tenureMax: null,
		skillLevels: [],
		otherLevel: '',
		channels: [],
		motivations: [],
		courseIds: [],
		kept: {}
	};
}

export function segmentDraft(s: SavedSegment): SegmentDraft {
	const d = s.definition;
	const levels = d.skillLevels ?? [];
	return {
		name: s.name,
		renewalsMin: d.renewals?.min ?? null,
		renewalsMax: d.renewals?.max ?? null,
		tenureMin: d.tenureMonths?.min ?? null,
		tenureMax: d.tenureMonths?.max ?? null,
		skillLevels: levels.filter((l) => COMMON.includes(l)),
		otherLevel: levels.filter((l) => !COMMON.includes(l)).join(', '),
		channels: [...(d.channels ?? [])],
		motivations: [...(d.motivations ?? [])],
		courseIds: [...(d.courseIds ?? [])],
		kept: d
	};
}

/** A whole number of at least 0, or no bound; what a number box holds may be anything. */
function bound(value: number | null | undefined): number | null {
	if (value === null || value === undefined || !Number.isFinite(value)) return null;
	return Math.max(0, Math.floor(value));
}

function range(min: number | null, max: number | null): Range | null {
	const r = { min: bound(min), max: bound(max) };
	return r.min === null && r.max === null ? null : r;
}

export function segmentInput(d: SegmentDraft): SegmentInput {
	const others = d.otherLevel
		.split(/[,，、]/)
		.map((l) => l.trim())
		.filter(Boolean);
	return {
		name: d.name,
		definition: {
			...d.kept,
			renewals: range(d.renewalsMin, d.renewalsMax),
			tenureMonths: range(d.tenureMin, d.tenureMax),
			skillLevels: [...d.skillLevels, ...others],
			channels: d.channels,
			motivations: d.motivations,
			courseIds: d.courseIds
		}
	};
}

/** Keeps a list's order as the options show it when a box is ticked or unticked. */
export function toggled<T>(list: readonly T[], value: T, on: boolean, order: readonly T[]): T[] {
	const next = on ? [...list, value] : list.filter((v) => v !== value);
	return order.filter((v) => next.includes(v));
}
