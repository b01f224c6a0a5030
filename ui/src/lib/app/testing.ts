// Shared by component tests in jsdom: a fresh place to mount, lookups by test id, letting
// pending commands and effects settle, and picking a <select> option as a user would.
import { flushSync } from 'svelte';

export function freshTarget(): HTMLElement {
	document.body.innerHTML = '';
	const target = document.createElement('div');
	document.body.appendChild(target);
	return target;
}

export function byTestId<T extends Element = HTMLElement>(root: ParentNode, id: string): T | null {
	return root.querySelector<T>(`[data-testid="${id}"]`);
}

/** Lets mocked commands resolve and the component re-render (a few microtask turns). */
export async function settle(turns = 12): Promise<void> {
	for (let i = 0; i < turns; i++) await Promise.resolve();
	flushSync();
}

export function chooseOption(root: ParentNode, id: string, value: string): void {
	const select = byTestId<HTMLSelectElement>(root, id);
	if (!select) throw new Error(`no select ${id}`);
	select.value = value;
	select.dispatchEvent(new Event('change', { bubbles: true }));
	flushSync();
}
