// Waiting for a pause in typing before doing something slow, and keeping only the newest answer
// when several requests overlap.

export type Debounced<A extends unknown[]> = ((...args: A) => void) & {
	/** Forget a pending call. */
	cancel(): void;
	/** Run a pending call now instead of waiting. */
	flush(): void;
};

/** `fn` runs `ms` after the last call, with that call's arguments; earlier calls are dropped. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): Debounced<A> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	let pending: A | undefined;
	const fire = () => {
		timer = undefined;
		const args = pending;
		pending = undefined;
		if (args) fn(...args);
	};
	const debounced = ((...args: A) => {
		pending = args;
		if (timer !== undefined) clearTimeout(timer);
		timer = setTimeout(fire, ms);
	}) as Debounced<A>;
	debounced.cancel = () => {
		if (timer !== undefined) clearTimeout(timer);
		timer = undefined;
		pending = undefined;
	};
	debounced.flush = () => {
		if (timer !== undefined) clearTimeout(timer);
		fire();
	};
	return debounced;
}

/**
 * Numbers overlapping requests so only the newest one's answer is used:
 * `const mine = latest.next(); …await…; if (latest.isCurrent(mine)) show(answer)`.
 */
export function latestOnly() {
	let counter = 0;
	return {
		next: () => ++counter,
		isCurrent: (ticket: number) => ticket === counter
	};
}
