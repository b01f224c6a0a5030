// A list filter as one <select> value: '' everyone, 'm:<type>' a motivation, 't:<id>' a tag.
import type { MotivationType, TagFilter } from '$lib/ipc';

export const everyone = (): TagFilter => ({ motivation: null, tagId: null });

export function encodeFilter(f: TagFilter): string {
	if (f.motivation) return `m:${f.motivation}`;
	if (f.tagId !== null) return `t:${f.tagId}`;
	return '';
}

export function decodeFilter(value: string): TagFilter {
	if (value.startsWith('m:')) return { motivation: value.slice(2) as MotivationType, tagId: null };
	if (value.startsWith('t:')) return { motivation: null, tagId: Number(value.slice(2)) };
	return everyone();
}
