// The sale form warns about prepaid rules as values change, asks for a reason only then, and
// names who sold the package (the first active staff member unless someone else is picked).
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { commands, type Course, type PackageInput, type RuleBreach, type Staff } from '$lib/ipc';
import { applyLocale } from '$lib/i18n/locale.svelte';
import SellPackageForm from './SellPackageForm.svelte';

const staff: Staff[] = [
	{ id: 7, name: '陈宇', role: 'admin', archivedAt: null },
	{ id: 8, name: '王老师', role: 'teacher', archivedAt: null }
];
const courses = [{ id: 3, name: '钢琴' }] as unknown as Course[];
const breach: RuleBreach = {
	rule: 'max_hours',
	text: { en: 'Prepaid rule: at most 60 hours per package; this one has 80.', 'zh-CN': '预付规则：每个课时包最多 60 课时，本次为 80 课时。' }
};

let target: HTMLElement;
beforeEach(() => {
	vi.useFakeTimers();
	target = document.createElement('div');
	document.body.appendChild(target);
});
afterEach(() => {
	vi.useRealTimers();
	applyLocale('en');
	document.body.innerHTML = '';
});

const q = <T extends Element>(id: string) => target.querySelector<T>(`[data-testid="${id}"]`);
const all = (id: string) => [...target.querySelectorAll(`[data-testid="${id}"]`)];

function setValue(id: string, value: string) {
	const el = q<HTMLInputElement>(id)!;
	el.value = value;
	el.dispatchEvent(new Event('input', { bubbles: true }));
	flushSync();
}

async function settle() {
	await vi.advanceTimersByTimeAsync(300);
	flushSync();
}

async function submit() {
	q<HTMLFormElement>('sell-form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
	await vi.advanceTimersByTimeAsync(0);
	flushSync();
}

it('a sale within the rules goes out in the first staff member’s name, without a reason', async () => {
	vi.spyOn(commands, 'checkPackageRules').mockResolvedValue({ status: 'ok', data: [] });
	const sell = vi.spyOn(commands, 'sellPackage').mockResolvedValue({ status: 'ok', data: 1 });
	const form = mount(SellPackageForm, { target, props: { studentId: 5, courses, staff, onsaved: () => {} } });
	try {
		await settle();
		expect(q<HTMLSelectElement>('package-sold-by')!.value).toBe('7');
		expect(all('rule-breach')).toHaveLength(0);
		expect(q('rule-override')).toBeNull();
		await submit();
		const sent = sell.mock.calls[0]![0] as PackageInput;
		expect(sent).toMatchObject({ studentId: 5, courseId: 3, purchasedHours: 20, soldBy: 7, ruleOverride: null });
	} finally {
		void unmount(form);
	}
});

it('a breach is shown in the UI language and the sale carries the written reason', async () => {
	const check = vi
		.spyOn(commands, 'checkPackageRules')
		.mockImplementation(async (input) => ({ status: 'ok', data: Number(input.purchasedHours) > 60 ? [breach] : [] }));
	const sell = vi.spyOn(commands, 'sellPackage').mockResolvedValue({ status: 'ok', data: 1 });
	const form = mount(SellPackageForm, { target, props: { studentId: 5, courses, staff, onsaved: () => {} } });
	try {
		await settle();
		const calls = check.mock.calls.length;
		setValue('package-hours', '8');
		setValue('package-hours', '80');
		await settle();
		// Typing quickly asks once, with the last value.
		expect(check.mock.calls.length).toBe(calls + 1);
		expect(all('rule-breach').map((b) => b.textContent)).toEqual([breach.text.en]);
		applyLocale('zh-CN');
		flushSync();
		expect(q('rule-breach')!.textContent).toBe(breach.text['zh-CN']);

		setValue('rule-override', '家长出国前一次买齐');
		const seller = q<HTMLSelectElement>('package-sold-by')!;
		seller.value = '8';
		seller.dispatchEvent(new Event('change', { bubbles: true }));
		await submit();
		expect(sell.mock.calls[0]![0]).toMatchObject({ purchasedHours: 80, soldBy: 8, ruleOverride: '家长出国前一次买齐' });

		setValue('package-hours', '20');
		await settle();
		expect(all('rule-breach')).toHaveLength(0);
		expect(q('rule-override')).toBeNull();
	} finally {
		void unmount(form);
	}
});

it('a refused sale shows why beside the reason box', async () => {
	vi.spyOn(commands, 'checkPackageRules').mockResolvedValue({ status: 'ok', data: [breach] });
	vi.spyOn(commands, 'sellPackage').mockResolvedValue({
		status: 'error',
		error: { kind: 'validation', field: 'ruleOverride', code: 'rule_override_reason_required' }
	});
	const form = mount(SellPackageForm, { target, props: { studentId: 5, courses, staff, onsaved: () => {} } });
	try {
		await submit();
		expect(q('rule-override')).not.toBeNull();
		expect(q('field-error')!.textContent).toBe('This sale goes beyond a prepaid rule; write down why');
	} finally {
		void unmount(form);
	}
});
