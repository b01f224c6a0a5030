// The lock screen covers the window while Rust says it is locked, opens on the right
// passcode, says so on a wrong one, and closes again as soon as any command is refused.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { commands, run, type LockStatus } from '$lib/ipc';
import LockScreen from './LockScreen.svelte';

const status = (locked: boolean, retryAfterSeconds: number | null = null): LockStatus => ({
	enabled: true,
	locked,
	idleMinutes: 10,
	retryAfterSeconds
});

let target: HTMLElement;
beforeEach(() => {
	target = document.createElement('div');
	document.body.appendChild(target);
	HTMLDialogElement.prototype.showModal = function () {
		this.setAttribute('open', '');
	};
	HTMLDialogElement.prototype.close = function () {
		this.removeAttribute('open');
	};
});
afterEach(() => {
	document.body.innerHTML = '';
});

const q = <T extends Element>(id: string) => target.querySelector<T>(`[data-testid="${id}"]`);
const settle = async () => {
	for (let i = 0; i < 8; i++) await Promise.resolve();
	flushSync();
};
async function tryPasscode(value: string) {
	const input = q<HTMLInputElement>('lock-passcode')!;
	input.value = value;
	input.dispatchEvent(new Event('input', { bubbles: true }));
	flushSync();
	q('lock-screen')!.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
	await settle();
}

it('opens on the right passcode only, and closes again when a command is refused', async () => {
	vi.spyOn(commands, 'lockStatus').mockResolvedValue({ status: 'ok', data: status(true) });
	const unlock = vi
		.spyOn(commands, 'unlock')
		.mockResolvedValueOnce({ status: 'ok', data: status(true) })
		.mockResolvedValueOnce({ status: 'ok', data: status(false) });
	const c = mount(LockScreen, { target });
	try {
		await settle();
		expect(q('lock-screen')!.hasAttribute('open')).toBe(true);
		await tryPasscode('1111');
		expect(unlock).toHaveBeenLastCalledWith('1111');
		expect(q('lock-wrong')).not.toBeNull();
		expect(q('lock-screen')!.hasAttribute('open')).toBe(true);
		await tryPasscode('2580');
		expect(q('lock-screen')!.hasAttribute('open')).toBe(false);

		vi.spyOn(commands, 'listStaff').mockResolvedValue({ status: 'error', error: { kind: 'locked' } });
		await expect(run(commands.listStaff(false))).rejects.toThrow();
		await settle();
		expect(q('lock-screen')!.hasAttribute('open')).toBe(true);
	} finally {
		unmount(c);
	}
});

it('after too many wrong tries it says how long to wait', async () => {
	vi.spyOn(commands, 'lockStatus').mockResolvedValue({ status: 'ok', data: status(true, 30) });
	const c = mount(LockScreen, { target });
	try {
		await settle();
		expect(q('lock-wait')!.textContent).toBe('Too many wrong tries. Try again in 30 s.');
	} finally {
		unmount(c);
	}
});
