import { describe, expect, it } from 'vitest';
import { escapeText, escapeVerbatim, splitEscaped, unescapeText } from './vcardText';

describe('splitEscaped', () => {
  it('splits at unescaped delimiters only, counting backslashes', () => {
    expect(splitEscaped('a\\;b;c', ';')).toEqual(['a\\;b', 'c']);
    // "\\;" is an escaped backslash followed by a real separator (ical.js merges these).
    expect(splitEscaped('Back\\\\;Slash;;;', ';')).toEqual(['Back\\\\', 'Slash', '', '', '']);
    expect(splitEscaped('', ',')).toEqual(['']);
  });
});

describe('unescapeText', () => {
  it('reads \\\\ \\, \\; \\n \\N, and any other escaped character as itself', () => {
    expect(unescapeText('a\\\\b\\,c\\;d\\ne\\Nf')).toBe('a\\b,c;d\ne\nf');
    expect(unescapeText('http\\://x')).toBe('http://x');
    expect(unescapeText('trailing\\')).toBe('trailing\\');
  });
});

describe('escapeText and escapeVerbatim', () => {
  it('escape what a reader would otherwise split or break on', () => {
    expect(escapeText('a\\b,c;d\ne\r\nf\rg')).toBe('a\\\\b\\,c\\;d\\ne\\nf\\ng');
    expect(escapeVerbatim('+1 555,,1;2\\x\n')).toBe('+1 555,,1;2\\\\x\\n');
  });

  it('are undone by unescapeText', () => {
    for (const text of ['a\\b,c;d\ne', '\\\\,;;', 'plain']) {
      expect(unescapeText(escapeText(text))).toBe(text);
      expect(unescapeText(escapeVerbatim(text))).toBe(text);
    }
  });
});
