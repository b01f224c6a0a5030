import { expect, it } from 'vitest';
import type { SavedSegment } from '$lib/ipc';
import { emptySegment, segmentDraft, segmentInput, toggled } from './drafts';

it('sends only the bounds that were given, as whole numbers', () => {
	const d = { ...emptySegment(), name: ' Loyal ', renewalsMin: 2, tenureMax: 12.7, tenureMin: -3 };
	expect(segmentInput(d).definition).toMatchObject({
		renewals: { min: 2, max: null },
		tenureMonths: { min: 0, max: 12 }
	});
	expect(segmentInput(emptySegment()).definition).toMatchObject({ renewals: null, tenureMonths: null });
});

it("keeps a school's own grades beside the common levels", () => {
	const d = { ...emptySegment(), skillLevels: ['beginner'], otherLevel: '考级三级，Grade 4' };
	expect(segmentInput(d).definition.skillLevels).toEqual(['beginner', '考级三级', 'Grade 4']);
});

it('edits a saved segment without losing what the editor does not show', () => {
	const saved: SavedSegment = {
		id: 3,
		name: 'Piano regulars',
		definition: { renewals: { min: 1, max: null }, stages: ['loyal'], skillLevels: ['advanced', 'Grade 8'], courseIds: [2] },
		createdAt: '',
		updatedAt: ''
	};
	const d = segmentDraft(saved);
	expect(d.renewalsMin).toBe(1);
	expect(d.skillLevels).toEqual(['advanced']);
	expect(d.otherLevel).toBe('Grade 8');
	const back = segmentInput(d).definition;
	expect(back.stages).toEqual(['loyal']);
	expect(back.skillLevels).toEqual(['advanced', 'Grade 8']);
	expect(back.courseIds).toEqual([2]);
});

it('keeps ticked options in the order they are shown', () => {
	const order = ['wechat', 'phone', 'sms'];
	expect(toggled(['sms'], 'wechat', true, order)).toEqual(['wechat', 'sms']);
	expect(toggled(['wechat', 'sms'], 'wechat', false, order)).toEqual(['sms']);
});
