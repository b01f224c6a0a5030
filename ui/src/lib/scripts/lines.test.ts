import { describe, expect, it } from 'vitest';
import { lineCount, lineSpan, lineText } from './lines';

const text = 'Hi {{ guardian.address }},\r\n{{ student.nmae }}\n\nlast';

describe('template lines', () => {
	it('finds a line by its 1-based number, without the line break', () => {
		expect(lineText(text, 1)).toBe('Hi {{ guardian.address }},');
		expect(lineText(text, 2)).toBe('{{ student.nmae }}');
		expect(lineText(text, 3)).toBe('');
		expect(lineText(text, 4)).toBe('last');
		const span = lineSpan(text, 2)!;
		expect(text.slice(span.start, span.end)).toBe('{{ student.nmae }}');
	});

	it('has no line 0, no negative line, and nothing past the end', () => {
		expect(lineSpan(text, 0)).toBeNull();
		expect(lineSpan(text, -1)).toBeNull();
		expect(lineSpan(text, 5)).toBeNull();
		expect(lineSpan(text, 1.5)).toBeNull();
		expect(lineText('', 1)).toBe('');
	});

	it('counts lines', () => {
		expect(lineCount('')).toBe(1);
		expect(lineCount(text)).toBe(4);
		expect(lineCount('a\n')).toBe(2);
	});
});
