import { describe, expect, it } from 'vitest';
import { collationTableFor, letterGroupOf, nameSortKey } from './letterGroup';

describe('letterGroupOf', () => {
  it.each([
    // Latin in English: accents folded, expansions by their first letter
    ['Ada', 'en', 'A', 'latin'],
    ['Émile', 'en', 'E', 'latin'],
    ['émile', 'en', 'E', 'latin'],
    ['Øystein', 'en', 'O', 'latin'],
    ['Łukasz', 'en', 'L', 'latin'],
    ['Ærø', 'en', 'A', 'latin'],
    ['Zoë', 'en', 'Z', 'latin'],
    ['İsmail', 'en', 'I', 'latin'],
    ['ıdil', 'en', 'I', 'latin'],
    ['Ŀlorenç', 'en', 'L', 'latin'],
    ['Ａｄａ', 'en', 'A', 'latin'],
    ['𝐀da', 'en', 'A', 'latin'],
    ['  van Gogh', 'en', 'V', 'latin'],
    // Locales that keep letters apart
    ['Ärla', 'sv', 'Ä', 'latin'],
    ['Åsa', 'sv', 'Å', 'latin'],
    ['Øystein', 'sv', 'Ö', 'latin'],
    ['Ærø', 'da', 'Æ', 'latin'],
    ['Chrudim', 'cs', 'Ch', 'latin'],
    ['Chrudim', 'en', 'C', 'latin'],
    ['Łukasz', 'pl', 'Ł', 'latin'],
    ['İsmail', 'tr', 'İ', 'latin'],
    ['Işık', 'tr', 'I', 'latin'],
    // Greek and Cyrillic letters
    ['Ωμέγα', 'en', 'Ω', 'greek'],
    ['άλφα', 'en', 'Α', 'greek'],
    ['Σωκράτης', 'el', 'Σ', 'greek'],
    ['Борис', 'en', 'Б', 'cyrillic'],
    ['ёлка', 'ru', 'Е', 'cyrillic'],
    ['Юлия', 'ru', 'Ю', 'cyrillic'],
    // Other scripts: one group
    ['山田太郎', 'en', '•', 'other'],
    ['김민준', 'en', '•', 'other'],
    ['محمد', 'en', '•', 'other'],
    ['שלום', 'en', '•', 'other'],
    ['प्रिया', 'en', '•', 'other'],
    // Digits, symbols, nothing
    ['12 Monkeys', 'en', '#', 'number'],
    ['+1 415 555 0132', 'en', '#', 'number'],
    ['(Work)', 'en', '#', 'number'],
    ['', 'en', '#', 'number'],
    ['   ', 'en', '#', 'number'],
  ])('%j in %s → %s (%s)', (name, locale, label, kind) => {
    const group = letterGroupOf(name, locale);
    expect(group.label).toBe(label);
    expect(group.kind).toBe(kind);
  });

  it('files letters in collated order, then other scripts, then #', () => {
    const keys = ['Ada', 'Émile', 'Zoë', 'Ωμέγα', 'Борис', '山田', '12'].map(
      (name) => letterGroupOf(name).key,
    );
    expect([...keys].sort()).toEqual(keys);
    expect(letterGroupOf('Émile').key).toBe(letterGroupOf('Eve').key);
    expect(letterGroupOf('山田').key).toBe(letterGroupOf('محمد').key);
  });
});

describe('nameSortKey', () => {
  it('orders bytewise as the collator orders names', () => {
    const names = ['山田', 'Zoë', 'Борис', 'Adam', '12', 'Émile', 'Ωμέγα', 'ábel'];
    const sorted = [...names].sort((a, b) => (nameSortKey(a) < nameSortKey(b) ? -1 : 1));
    expect(sorted).toEqual(['12', 'ábel', 'Adam', 'Émile', 'Zoë', 'Ωμέγα', 'Борис', '山田']);
  });

  it('follows the locale: Swedish puts Å, Ä and Ö after Z', () => {
    const names = ['Östen', 'Zoe', 'Åsa', 'Anders'];
    const bySwedish = [...names].sort((a, b) => (nameSortKey(a, 'sv') < nameSortKey(b, 'sv') ? -1 : 1));
    const byGerman = [...names].sort((a, b) => (nameSortKey(a, 'de') < nameSortKey(b, 'de') ? -1 : 1));
    expect(bySwedish).toEqual(['Anders', 'Zoe', 'Åsa', 'Östen']);
    expect(byGerman).toEqual(['Anders', 'Åsa', 'Östen', 'Zoe']);
  });

  it('builds one table per locale', () => {
    expect(collationTableFor('sv')).toBe(collationTableFor('sv'));
    expect(collationTableFor('sv').locale).toBe('sv');
  });
});
