import { describe, expect, it } from 'vitest';
import { requestedPeople } from './deviceSettings';

describe('requestedPeople', () => {
  it('reads the demo size from the page address', () => {
    expect(requestedPeople('?people=300')).toBe(300);
    expect(requestedPeople('?x=1&people=0')).toBe(0);
    expect(requestedPeople('?people=100000')).toBe(100_000);
  });

  it('is undefined when the address does not ask', () => {
    expect(requestedPeople('')).toBeUndefined();
    expect(requestedPeople('?x=1')).toBeUndefined();
  });

  it('refuses anything but a whole number in range, naming what it got', () => {
    expect(() => requestedPeople('?people=-1')).toThrow(/whole number from 0 to 100,000, not “-1”/);
    expect(() => requestedPeople('?people=2.5')).toThrow(/not “2.5”/);
    expect(() => requestedPeople('?people=')).toThrow(/not “”/);
    expect(() => requestedPeople('?people=1e3')).toThrow(/not “1e3”/);
    expect(() => requestedPeople('?people=100001')).toThrow(/not “100001”/);
  });
});
