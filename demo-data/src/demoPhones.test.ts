import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { type DemoRegion, PhoneAllocator, regionCapacity, writtenAs } from './demoPhones';
import { createSeededRandom } from './seededRandom';

const REGIONS: DemoRegion[] = ['FR', 'GB', 'US', 'DE', 'AU'];

describe('demo phone numbers', () => {
  it('are valid numbers in every written form, parsed back to the same E.164', () => {
    const allocator = new PhoneAllocator(createSeededRandom(7));
    for (const region of REGIONS) {
      for (let i = 0; i < 60; i += 1) {
        const phone = allocator.next(region);
        for (const style of ['national', 'international', 'e164', 'compact'] as const) {
          const written = writtenAs(phone, style, region);
          const parsed = parsePhoneNumberFromString(written, region);
          expect(parsed?.isValid(), `${written} (${region})`).toBe(true);
          expect(parsed?.number).toBe(phone.e164);
        }
      }
    }
  });

  it('write foreign numbers with their country code, so they parse from any home region', () => {
    const phone = new PhoneAllocator(createSeededRandom(3)).next('GB');
    expect(writtenAs(phone, 'national', 'FR')).toBe(phone.international);
    expect(parsePhoneNumberFromString(writtenAs(phone, 'compact', 'FR'), 'FR')?.number).toBe(phone.e164);
  });

  it('hand out each number once until a region runs out, then say so', () => {
    const allocator = new PhoneAllocator(createSeededRandom(11));
    const seen = new Set<string>();
    for (let i = 0; i < regionCapacity('US'); i += 1) seen.add(allocator.next('US').e164);
    expect(seen.size).toBe(regionCapacity('US'));
    expect(allocator.fullness('US')).toBe(1);
    expect(() => allocator.next('US')).toThrow(/no fictional US numbers left/);
  });
});
