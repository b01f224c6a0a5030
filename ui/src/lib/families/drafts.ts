// Form drafts: what the inputs bind to (plain strings), and the conversions to and from the
// typed records the commands take. Blank inputs become null; Rust does the validating.
import type {
	ContactChannel,
	Gender,
	GuardianInfo,
	Relationship,
	StudentInfo,
	StudentStatus
} from '$lib/ipc';
import { SKILL_LEVELS } from '$lib/i18n/labels';

export type GuardianDraft = {
	name: string;
	mobile: string;
	wechatId: string;
	email: string;
	preferredChannel: ContactChannel | '';
	bestTime: string;
	relationship: Relationship;
};

/** `level` is one of the common levels, '' for none, or 'grade' with `grade` typed in. */
export type StudentDraft = {
	name: string;
	birthDate: string;
	gender: Gender | '';
	courses: string;
	level: '' | (typeof SKILL_LEVELS)[number] | 'grade';
	grade: string;
	status: StudentStatus;
	enrolledOn: string;
};

const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

export function emptyGuardian(relationship: Relationship = 'mother'): GuardianDraft {
	return {
		name: '',
		mobile: '',
		wechatId: '',
		email: '',
		preferredChannel: '',
		bestTime: '',
		relationship
	};
}

export function emptyStudent(today: string): StudentDraft {
	return {
		name: '',
		birthDate: '',
		gender: '',
		courses: '',
		level: '',
		grade: '',
		status: 'active',
		enrolledOn: today
	};
}

export function guardianInfo(d: GuardianDraft): GuardianInfo {
	return {
		name: d.name,
		mobile: orNull(d.mobile),
		wechatId: orNull(d.wechatId),
		email: orNull(d.email),
		preferredChannel: d.preferredChannel === '' ? null : d.preferredChannel,
		bestTime: orNull(d.bestTime)
	};
}

export function guardianDraft(info: GuardianInfo, relationship: Relationship = 'other'): GuardianDraft {
	return {
		name: info.name,
		mobile: info.mobile ?? '',
		wechatId: info.wechatId ?? '',
		email: info.email ?? '',
		preferredChannel: info.preferredChannel ?? '',
		bestTime: info.bestTime ?? '',
		relationship
	};
}

/** Courses are typed as one line, separated the way people separate them in either language. */
export function splitCourses(text: string): string[] {
	return text
		.split(/[,，、;；\n]/)
		.map((c) => c.trim())
		.filter((c) => c !== '');
}

export function studentInfo(d: StudentDraft): StudentInfo {
	const level = d.level === 'grade' ? orNull(d.grade) : d.level === '' ? null : d.level;
	return {
		name: d.name,
		birthDate: orNull(d.birthDate),
		gender: d.gender === '' ? null : d.gender,
		coursesOfInterest: splitCourses(d.courses),
		skillLevel: level,
		status: d.status,
		enrolledOn: orNull(d.enrolledOn)
	};
}

export function studentDraft(info: StudentInfo): StudentDraft {
	const common = (SKILL_LEVELS as readonly string[]).includes(info.skillLevel ?? '');
	return {
		name: info.name,
		birthDate: info.birthDate ?? '',
		gender: info.gender ?? '',
		courses: info.coursesOfInterest.join(', '),
		level: info.skillLevel === null ? '' : common ? (info.skillLevel as StudentDraft['level']) : 'grade',
		grade: common || info.skillLevel === null ? '' : info.skillLevel,
		status: info.status,
		enrolledOn: info.enrolledOn ?? ''
	};
}

/** Today as YYYY-MM-DD on the computer's own calendar. */
export function localDate(now: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
