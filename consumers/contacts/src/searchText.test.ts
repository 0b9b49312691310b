import { describe, expect, it } from 'vitest';
import { emailWords, phoneQueryDigits, queryWords } from './searchText';

describe('search text', () => {
  it('folds a query as the contact model folds names, including letters NFKD keeps whole', () => {
    expect(queryWords('Łukasz MÜLLER-Øster Straße ﬁ')).toEqual(['lukasz', 'mulleroster', 'strasse', 'fi']);
    expect(queryWords('Ærøskøbing Þór Οδυσσέας')).toEqual(['aeroskobing', 'thor', 'οδυσσεασ']);
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
