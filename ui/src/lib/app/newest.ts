// Requests that follow the user's choices can answer out of order; only the answer to the
// newest one may reach the screen.

export type Newest = <T>(pending: Promise<T>, done: (value: T) => void, failed: (thrown: unknown) => void) => void;

export function newestOnly(): Newest {
	let latest = 0;
	return (pending, done, failed) => {
		const ticket = ++latest;
		pending.then(
			(value) => ticket === latest && done(value),
			(thrown: unknown) => ticket === latest && failed(thrown)
		);
	};
}
