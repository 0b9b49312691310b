import { describe, expect, it } from 'vitest';
import { highlight } from './highlight';

const marks = (text: string, query: string) =>
  highlight(text, query)
    .filter((s) => s.match)
    .map((s) => s.text);

describe('highlight', () => {
  it('marks the start of the word each query word begins, ignoring case and diacritics', () => {
    expect(marks('Ada Lovelace', 'lov')).toEqual(['Lov']);
    expect(marks('Jürgen Müller', 'mul jur')).toEqual(['Jür', 'Mül']);
    expect(marks('Élodie Dubois', 'elo')).toEqual(['Élo']);
  });

  it('only marks at the start of a word', () => {
    expect(marks('Grace Adams', 'ada')).toEqual(['Ada']);
    expect(marks('Sarah', 'ra')).toEqual([]);
  });

  it('marks typed digits inside a number whatever its punctuation', () => {
    expect(marks('+33 1 99 00 12 34', '0012')).toEqual(['00', '12']);
    expect(marks('(415) 555-0123', '5550')).toEqual(['555', '0']);
  });

  it('keeps the whole text, in order, marked or not', () => {
    const text = 'Παπαδόπουλος Γιώργος';
    expect(
      highlight(text, 'γιω')
        .map((s) => s.text)
        .join(''),
    ).toBe(text);
    expect(marks(text, 'γιω')).toEqual(['Γιώ']);
  });
});
