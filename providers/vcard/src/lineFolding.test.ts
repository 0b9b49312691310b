import { describe, expect, it } from 'vitest';
import { foldLine } from './lineFolding';

const octets = (text: string) => new TextEncoder().encode(text).length;

describe('foldLine', () => {
  it('leaves a line of 75 octets alone and folds one of 76', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('fills continuation lines with 74 octets after the space', () => {
    const lines = foldLine('y'.repeat(75 + 74 + 1)).split('\r\n');
    expect(lines.map(octets)).toEqual([75, 75, 2]);
  });

  it('never splits a multi-byte character, so a line may end short', () => {
    const line = `${'a'.repeat(74)}é${'☕'.repeat(30)}𝄞`;
    const lines = foldLine(line).split('\r\n');
    for (const folded of lines) expect(octets(folded)).toBeLessThanOrEqual(75);
    expect(lines[0]).toBe(`${'a'.repeat(74)}`);
    expect(lines.map((folded, i) => (i === 0 ? folded : folded.slice(1))).join('')).toBe(line);
  });
});
