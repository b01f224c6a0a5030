import { expect, it } from 'vitest';
import { newestOnly } from './newest';

it('drops answers to requests that were overtaken', async () => {
	const newest = newestOnly();
	const seen: string[] = [];
	let answerFirst: (v: string) => void = () => {};
	newest(new Promise<string>((r) => (answerFirst = r)), (v) => seen.push(v), () => seen.push('error'));
	newest(Promise.resolve('second'), (v) => seen.push(v), () => seen.push('error'));
	await Promise.resolve();
	answerFirst('first');
	await new Promise((r) => setTimeout(r, 0));
	expect(seen).toEqual(['second']);
});
