// Finding a line of a template by its 1-based number, to point at a problem.

/** Where line `line` (1-based) starts and ends in `text`, without its line break; null if absent. */
export function lineSpan(text: string, line: number): { start: number; end: number } | null {
	if (!Number.isInteger(line) || line < 1) return null;
	let start = 0;
	for (let n = 1; n < line; n++) {
		const next = text.indexOf('\n', start);
		if (next === -1) return null;
		start = next + 1;
	}
	let end = text.indexOf('\n', start);
	if (end === -1) end = text.length;
	if (end > start && text[end - 1] === '\r') end -= 1;
	return { start, end };
}

/** The text of line `line` (1-based), or null when the template is shorter. */
export function lineText(text: string, line: number): string | null {
	const span = lineSpan(text, line);
	return span === null ? null : text.slice(span.start, span.end);
}

/** How many lines the text has (an empty text has one, empty, line). */
export function lineCount(text: string): number {
	let count = 1;
	for (const ch of text) if (ch === '\n') count++;
	return count;
}
