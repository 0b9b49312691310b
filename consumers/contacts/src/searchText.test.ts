import { describe, expect, it } from 'vitest';
import { emailWords, foldText, phoneQueryDigits, queryWords, searchWords } from './searchText';

describe('search text', () => {
  it('folds case, width and diacritics, including letters NFKD keeps whole', () => {
    expect(foldText('Łukasz MÜLLER-Øster Straße ﬁ')).toBe('lukasz muller-oster strasse fi');
    expect(foldText('Ærøskøbing Þór')).toBe('aeroskobing thor');
  });

  it('indexes every word, and each chunk with its inner punctuation removed', () => {
    expect(searchWords("Seán O'Neil")).toEqual(['sean', 'oneil', 'o', 'neil']);
    expect(searchWords('Jean-Luc  Picard')).toEqual(['jeanluc', 'jean', 'luc', 'picard']);
    expect(searchWords('  ')).toEqual([]);
  });

  it('reads a query as one folded word per typed chunk', () => {
    expect(queryWords("  o'ne  JEAN-l ")).toEqual(['one', 'jeanl']);
    expect(queryWords('-- ')).toEqual([]);
  });

  it('finds an email by its address and by each word of it', () => {
    expect(emailWords(' Ada.Lovelace@Example.org ')).toEqual([
      'ada.lovelace@example.org',
      'ada',
      'lovelace',
      'example',
      'org',
    ]);
    expect(emailWords('')).toEqual([]);
  });

  it('recognises a number being typed, whatever its punctuation', () => {
    expect(phoneQueryDigits('+1 (415) 555-01')).toBe('141555501');
    expect(phoneQueryDigits('*31#')).toBe('31');
    expect(phoneQueryDigits('ada 415')).toBeUndefined();
    expect(phoneQueryDigits('+ -')).toBeUndefined();
  });
});
