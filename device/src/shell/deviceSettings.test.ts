import { describe, expect, it } from 'vitest';
import { deviceConfig, requestedDevice, requestedPeople } from './deviceSettings';

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

describe('requestedDevice and deviceConfig', () => {
  it('opens device A, with the names it always had, unless the address asks for another', () => {
    expect(requestedDevice('')).toBe('A');
    expect(requestedDevice('?people=300')).toBe('A');
    const a = deviceConfig('A', { people: 300, installed: [], accounts: [] });
    expect([a.namespace, a.channel, a.lockPrefix]).toEqual(['gcds', 'gcds-device-changes', '']);
  });

  it('gives a second phone its own databases, change channel and locks', () => {
    expect(requestedDevice('?device=B')).toBe('B');
    const b = deviceConfig('B', { people: 300, installed: [], accounts: [] });
    expect([b.deviceId, b.namespace, b.channel, b.lockPrefix]).toEqual([
      'B',
      'gcds-B',
      'gcds-device-changes:B',
      'B:',
    ]);
  });

  it('refuses a device name that is not a short run of letters and digits', () => {
    expect(() => requestedDevice('?device=a:b')).toThrow(/letters and digits .*not “a:b”/);
    expect(() => requestedDevice('?device=x'.padEnd(30, 'x'))).toThrow(/not “/);
  });
});
