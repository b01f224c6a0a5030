// The passcode lock as the window sees it. Rust decides: it locks at start and after idle
// minutes, and refuses every command while locked. The window asks for the status now and
// then, reports typing and clicks (at most every half minute, so reading a long form is not
// "idle"), and shows the lock screen as soon as anything says it is locked.
import { commands, onLocked, run, type LockStatus } from '$lib/ipc';

export const lock = $state<{ status: LockStatus | null }>({ status: null });

/** How often the window asks whether the idle time has run out. */
export const POLL_MS = 15_000;
/** Typing and clicks are reported at most this often. */
export const ACTIVITY_MS = 30_000;

let lastReport = 0;
/** A command was refused while locked: the page that asked shows an error, not its data. */
let refused = false;

export async function refreshLock(): Promise<void> {
	lock.status = await run(commands.lockStatus());
}

/** Called on user input; tells Rust at most every `ACTIVITY_MS`. */
export function noteActivity(now: number = Date.now()): void {
	const status = lock.status;
	if (!status?.enabled || status.locked || now - lastReport < ACTIVITY_MS) {
		return;
	}
	lastReport = now;
	void run(commands.reportActivity()).then((s) => (lock.status = s));
}

export function applyStatus(status: LockStatus): void {
	lock.status = status;
}

/** True once after an unlock when some page's command was refused meanwhile (at start, the
 * page behind the lock screen loaded nothing): that page should be mounted again. */
export function takeRefused(): boolean {
	const was = refused;
	refused = false;
	return was;
}

// Any command refused as locked closes the window at once.
onLocked(() => {
	refused = true;
	if (lock.status) {
		lock.status = { ...lock.status, locked: true };
	}
	void refreshLock();
});
