import { describe, expect, it } from 'vitest';
import { emailKey, emailProblem } from './emailKey';

describe('emailKey', () => {
  it.each([
    ['ada@example.com', 'ada@example.com'],
    ['  Ada.Lovelace@Example.COM ', 'ada.lovelace@example.com'],
    ['mailto:ADA@example.com', 'ada@example.com'],
    ['MAILTO:ada@example.com', 'ada@example.com'],
    // Gmail ignores dots, other providers do not: two addresses stay two.
    ['a.da@gmail.com', 'a.da@gmail.com'],
    ['ada+news@example.com', 'ada+news@example.com'],
    // NFC: a decomposed é is the same address as the composed one.
    ['rene\u0301@example.fr', 'ren\u00e9@example.fr'],
    ['RENÉ@EXAMPLE.FR', 'rené@example.fr'],
  ])('%j → %j', (value, key) => {
    expect(emailKey(value)).toBe(key);
  });
});

describe('emailProblem', () => {
  it.each([
    ['ada@example.com'],
    ['  ada@example.com  '],
    ['mailto:ada@example.com'],
    ['ada+tag@sub.example.co.uk'],
    ['ada@localhost'],
    ['δοκιμή@παράδειγμα.δοκιμή'],
  ])('%j is an address', (value) => {
    expect(emailProblem(value)).toBeUndefined();
  });

  it.each([
    ['', 'email-empty', 'An email address is required.'],
    ['   ', 'email-empty', 'An email address is required.'],
    [
      'ada.example.com',
      'email-missing-at',
      '"ada.example.com" has no @: an email address looks like name@example.com.',
    ],
    [
      'ada@@example.com',
      'email-multiple-at',
      '"ada@@example.com" has more than one @: an email address has exactly one.',
    ],
    [
      'ada@home@example.com',
      'email-multiple-at',
      '"ada@home@example.com" has more than one @: an email address has exactly one.',
    ],
    [
      'ada lovelace@example.com',
      'email-contains-space',
      '"ada lovelace@example.com" contains a space: an email address has none.',
    ],
    ['@example.com', 'email-missing-local-part', '"@example.com" has nothing before the @.'],
    ['ada@', 'email-missing-domain', '"ada@" has no domain after the @ (like example.com).'],
    [
      'ada@example..com',
      'email-invalid-domain',
      '"ada@example..com" has a malformed domain "example..com": empty parts or parts starting or ending with "-".',
    ],
    [
      'ada@-example.com',
      'email-invalid-domain',
      '"ada@-example.com" has a malformed domain "-example.com": empty parts or parts starting or ending with "-".',
    ],
    [
      'ada@example.com.',
      'email-invalid-domain',
      '"ada@example.com." has a malformed domain "example.com.": empty parts or parts starting or ending with "-".',
    ],
  ])('%j: %s', (value, code, message) => {
    expect(emailProblem(value)).toEqual({ code, message });
  });
});
