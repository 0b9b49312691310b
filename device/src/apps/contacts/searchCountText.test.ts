import { describe, expect, it } from 'vitest';
import { foundText, listStatusText } from './searchCountText';

describe('foundText', () => {
  it('gives the exact count, or says where counting stopped', () => {
    expect(foundText({ total: 400, more: false }, 'ma')).toBe('400 found');
    expect(foundText({ total: 10_000, more: true }, 'a')).toBe('More than 10,000 found: type more to narrow');
    expect(foundText({ total: 0, more: false }, 'zz')).toBe('No contact matches “zz”.');
  });

  it('says a count during an import is of what has arrived so far', () => {
    expect(foundText({ total: 1_240, more: false }, 'ma', true)).toBe('1,240 found so far');
    expect(foundText({ total: 10_000, more: true }, 'a', true)).toBe(
      'More than 10,000 found so far: type more to narrow',
    );
    expect(foundText({ total: 0, more: false }, 'zz', true)).toBe('No contact matches “zz” so far.');
  });
});

describe('listStatusText', () => {
  it('shows an import with its real counts instead of "No contacts yet."', () => {
    expect(listStatusText(0, { done: 0, total: 30_000 })).toBe('Importing 0 of 30,000…');
    expect(listStatusText(11_873, { done: 12_400, total: 30_000 })).toBe('Importing 12,400 of 30,000…');
  });

  it('gives the exact count once nothing is on its way', () => {
    expect(listStatusText(27_512, null)).toBe('27,512 contacts');
    expect(listStatusText(0, null)).toBe('No contacts yet.');
  });
});
