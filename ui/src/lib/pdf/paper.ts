// The sheet size PDFs are laid out for, remembered on this computer: a school prints on the
// same paper every time, so the choice made once is the next default.
import type { Paper } from '$lib/ipc';

export const PAPERS: readonly Paper[] = ['a4', 'letter'];

const KEY = 'encore.pdf.paper';

/** The paper chosen last time, else A4 (the size schools in China and most of the world use). */
export function rememberedPaper(): Paper {
	try {
		const saved = globalThis.localStorage?.getItem(KEY);
		return PAPERS.find((p) => p === saved) ?? 'a4';
	} catch {
		return 'a4';
	}
}

export function rememberPaper(paper: Paper): void {
	try {
		globalThis.localStorage?.setItem(KEY, paper);
	} catch {
		// Storage may be unavailable; the choice then lasts until the window closes.
	}
}
