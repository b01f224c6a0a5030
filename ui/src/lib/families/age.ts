/** Whole years between a YYYY-MM-DD birth date and `today`. */
export function ageInYears(birthDate: string, today: Date): number {
	const [y = 0, mo = 1, d = 1] = birthDate.split('-').map(Number);
	let age = today.getFullYear() - y;
	const beforeBirthday = today.getMonth() + 1 < mo || (today.getMonth() + 1 === mo && today.getDate() < d);
	if (beforeBirthday) age -= 1;
	return age;
}
