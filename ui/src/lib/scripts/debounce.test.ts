import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce, latestOnly } from './debounce';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('debounce', () => {
	it('runs once, after the pause, with the last arguments', () => {
		const fn = vi.fn();
		const d = debounce(fn, 300);
		d('a');
		vi.advanceTimersByTime(200);
		d('ab');
		vi.advanceTimersByTime(299);
		expect(fn).not.toHaveBeenCalled();
		vi.advanceTimersByTime(1);
		expect(fn).toHaveBeenCalledTimes(1);
		expect(fn).toHaveBeenCalledWith('ab');
	});

	it('can be cancelled', () => {
		const fn = vi.fn();
		const d = debounce(fn, 300);
		d(1);
		d.cancel();
		vi.advanceTimersByTime(1000);
		expect(fn).not.toHaveBeenCalled();
	});

	it('can be flushed at once, and flushing with nothing pending does nothing', () => {
		const fn = vi.fn();
		const d = debounce(fn, 300);
		d.flush();
		expect(fn).not.toHaveBeenCalled();
		d(7);
		d.flush();
		expect(fn).toHaveBeenCalledWith(7);
		vi.advanceTimersByTime(1000);
		expect(fn).toHaveBeenCalledTimes(1);
	});
});

describe('latestOnly', () => {
	it('keeps only the newest ticket current', () => {
		const latest = latestOnly();
		const first = latest.next();
		expect(latest.isCurrent(first)).toBe(true);
		const second = latest.next();
		expect(latest.isCurrent(first)).toBe(false);
		expect(latest.isCurrent(second)).toBe(true);
	});
});
