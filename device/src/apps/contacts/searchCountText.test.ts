import { describe, expect, it } from 'vitest';
import { foundText } from './searchCountText';

describe('foundText', () => {
  it('gives the exact count, or says where counting stopped', () => {
    expect(foundText({ total: 400, more: false }, 'ma')).toBe('400 found');
    expect(foundText({ total: 10_000, more: true }, 'a')).toBe('More than 10,000 found: type more to narrow');
    expect(foundText({ total: 0, more: false }, 'zz')).toBe('No contact matches “zz”.');
  });
});
