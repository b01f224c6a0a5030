import { describe, expect, it } from 'vitest';
import type { Prospect } from '$lib/ipc';
import { emptyProspect, familyDrafts, pendingTrial, prospectDraft, prospectInput } from './drafts';

describe('prospect drafts', () => {
	it('sends blanks as null and the referrer only for a referral', () => {
		const d = { ...emptyProspect('2026-11-22'), guardianName: '王芳', childName: '王小明', age: '7' };
		d.referrer = { id: 3, name: '李家' };
		const walkIn = prospectInput(d);
		expect(walkIn).toMatchObject({ phone: null, notes: null, childAge: 7, childBirthYear: null, referredByFamilyId: null });
		expect(prospectInput({ ...d, source: 'referral' }).referredByFamilyId).toBe(3);
	});

	it('sends the year of birth instead of the age when both are typed, and ignores what is not a number', () => {
		const d = { ...emptyProspect('2026-11-22'), age: '7', birthYear: '2018' };
		expect(prospectInput(d)).toMatchObject({ childBirthYear: 2018, childAge: null });
		expect(prospectInput({ ...d, birthYear: '', age: 'seven' })).toMatchObject({ childBirthYear: null, childAge: null });
	});

	it('edits a prospect as it was stored', () => {
		const p = {
			id: 1,
			guardianName: 'Ann',
			phone: null,
			childName: 'Bo',
			childBirthYear: 2019,
			courseId: 2,
			courseName: 'Piano',
			source: 'referral',
			referredByFamilyId: 5,
			referredByFamilyName: 'Lee family',
			firstContactOn: '2026-10-01',
			notes: null,
			familyId: null,
			studentId: null,
			convertedOn: null,
			closed: null,
			trials: [],
			stage: 'prospect'
		} satisfies Prospect;
		const d = prospectDraft(p);
		expect(d).toMatchObject({ birthYear: '2019', referrer: { id: 5, name: 'Lee family' }, phone: '' });
		expect(prospectInput(d)).toMatchObject({ referredByFamilyId: 5, childBirthYear: 2019 });
		expect(pendingTrial(p)).toBeNull();
	});

	it('turns the prefilled family into form drafts', () => {
		const drafts = familyDrafts({
			name: '王小明家',
			guardians: [{ info: { name: '王芳', mobile: '13800138000', wechatId: null, email: null, preferredChannel: null, bestTime: null }, relationship: 'other' }],
			students: [{ name: '王小明', birthDate: null, gender: null, coursesOfInterest: ['钢琴'], skillLevel: null, status: 'active', enrolledOn: '2026-11-22' }]
		});
		expect(drafts.guardians[0]).toMatchObject({ name: '王芳', mobile: '13800138000', relationship: 'other' });
		expect(drafts.students[0]).toMatchObject({ name: '王小明', courses: '钢琴', enrolledOn: '2026-11-22' });
	});
});
