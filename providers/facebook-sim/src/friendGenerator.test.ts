import { createSeededRandom } from '@gcds/demo-data';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { asciiFold, type FriendEditKind, generateFriendProfile, randomFriendEdit } from './friendGenerator';

/** A profile as text, picture bytes in base64: cheap to compare. */
const fingerprint = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) =>
    v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v,
  );

describe('generateFriendProfile', () => {
  it('is reproducible from the seed', () => {
    const generate = (seed: number) => {
      const random = createSeededRandom(seed);
      return fingerprint(Array.from({ length: 20 }, () => generateFriendProfile(random)));
    };
    expect(generate(4)).toBe(generate(4));
    expect(generate(4)).not.toBe(generate(5));
  });

  it('makes plausible profiles: names, numbers valid from the home region, emails, some pictures', () => {
    const random = createSeededRandom(21);
    const profiles = Array.from({ length: 400 }, () => generateFriendProfile(random, { homeRegion: 'GB' }));
    let phones = 0;
    let pictures = 0;
    let national = 0;
    for (const profile of profiles) {
      expect(profile.first_name.length).toBeGreaterThan(0);
      expect(profile.last_name.length).toBeGreaterThan(0);
      for (const phone of profile.phones) {
        phones += 1;
        if (!phone.number.startsWith('+')) national += 1;
        expect(parsePhoneNumberFromString(phone.number, 'GB')?.isValid(), phone.number).toBe(true);
      }
      for (const email of profile.emails) expect(email.address).toMatch(/^[A-Za-z0-9.]+@[a-z0-9.]+$/);
      if (profile.picture !== undefined) {
        pictures += 1;
        expect(profile.picture.mediaType).toBe('image/png');
      }
    }
    expect(phones).toBeGreaterThan(400);
    expect(national).toBeGreaterThan(50);
    expect(pictures).toBeGreaterThan(200);
    expect(pictures).toBeLessThan(400);
  });

  it('gives many profiles the same default picture bytes', () => {
    const random = createSeededRandom(22);
    const counts = new Map<string, number>();
    for (let i = 0; i < 200; i += 1) {
      const picture = generateFriendProfile(random).picture;
      if (picture === undefined) continue;
      const key = Buffer.from(picture.bytes).toString('base64');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(Math.max(...counts.values())).toBeGreaterThan(5);
    expect(counts.size).toBeGreaterThan(50);
  });
});

describe('asciiFold', () => {
  it('keeps email local parts ASCII', () => {
    expect(asciiFold('Strauß')).toBe('strauss');
    expect(asciiFold("O'Brien")).toBe('obrien');
    expect(asciiFold('Zoë Lefèvre')).toBe('zoelefevre');
  });
});

describe('randomFriendEdit', () => {
  it('changes the profile in every kind of way, leaving the original untouched', () => {
    const random = createSeededRandom(31);
    const kinds = new Set<FriendEditKind>();
    for (let i = 0; i < 300; i += 1) {
      const profile = generateFriendProfile(random);
      const before = fingerprint(profile);
      const edit = randomFriendEdit(random, profile);
      kinds.add(edit.kind);
      expect(fingerprint(profile)).toBe(before);
      // A new family name or job may be drawn equal to the old one; every other edit changes something.
      if (edit.kind !== 'job-changed' && edit.kind !== 'family-name-changed') {
        expect(fingerprint(edit.profile)).not.toBe(before);
      }
    }
    expect(kinds.size).toBe(10);
  });
});
