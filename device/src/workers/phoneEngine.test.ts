import { describe, expect, it } from 'vitest';
import { checkedNumber, demoCalls, spelledPart } from './phoneEngine';

describe('checkedNumber', () => {
  it('keeps what a keypad types, trimmed', () => {
    expect(checkedNumber(' +33 6 12-34.56 (78) ')).toBe('+33 6 12-34.56 (78)');
    expect(checkedNumber('*611#')).toBe('*611#');
  });

  it('refuses text without a digit or with letters, saying why', () => {
    expect(() => checkedNumber('  ')).toThrow('“” is not a phone number: it has no digit');
    expect(() => checkedNumber('call 0612')).toThrow(/only digits, spaces and/);
    expect(() => checkedNumber(42)).toThrow(/text, not number/);
  });
});

describe('demoCalls', () => {
  it('places each demo call its minutes back from now', () => {
    const now = Date.UTC(2026, 0, 10, 12);
    expect(demoCalls([{ number: '+33612345678', kind: 'missed', minutesAgo: 90 }], now)).toEqual([
      { number: '+33612345678', kind: 'missed', at: now - 90 * 60_000 },
    ]);
  });
});

describe('spelledPart', () => {
  it('is the letters of the word the digits spell, accents kept as written', () => {
    expect(spelledPart('Jesús Martínez', '5378')).toBe('Jesú');
    expect(spelledPart('Jesús Martínez', '627')).toBe('Mar');
    expect(spelledPart('Jesús Martínez', '999')).toBeUndefined();
  });
});
