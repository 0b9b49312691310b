import { createSeededRandom } from '@gcds/demo-data';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { generatePhone, PHONE_REGIONS, type PhoneKind, type PhoneStyle } from './phoneNumbers';

const KINDS: PhoneKind[] = ['mobile', 'landline'];
const STYLES: PhoneStyle[] = ['e164', 'international', 'national'];

describe('generatePhone', () => {
  it('writes valid numbers of every region, kind and style that parse back to their E.164 form', () => {
    const random = createSeededRandom(11);
    for (const region of PHONE_REGIONS) {
      for (const kind of KINDS) {
        for (const style of STYLES) {
          for (let i = 0; i < 40; i += 1) {
            const phone = generatePhone(random, region, kind, style);
            const parsed = parsePhoneNumberFromString(phone.written, region);
            expect(parsed?.isValid(), `${region} ${kind} ${style} ${phone.written}`).toBe(true);
            expect(parsed?.number).toBe(phone.e164);
            if (kind === 'mobile' && region !== 'US') expect(parsed?.getType()).toBe('MOBILE');
          }
        }
      }
    }
  });

  it('honours the writing style', () => {
    const random = createSeededRandom(12);
    expect(generatePhone(random, 'GB', 'mobile', 'e164').written).toMatch(/^\+447\d{9}$/);
    expect(generatePhone(random, 'FR', 'mobile', 'national').written).toMatch(/^07 \d\d \d\d \d\d \d\d$/);
    expect(generatePhone(random, 'US', 'landline', 'national').written).toMatch(/^\(\d{3}\) 555-01\d\d$/);
    expect(generatePhone(random, 'DE', 'mobile', 'international').written).toMatch(/^\+49 151 1\d{7}$/);
    expect(generatePhone(random, 'BR', 'mobile', 'national').written).toMatch(/^\(\d\d\) 9\d{4}-\d{4}$/);
  });

  it('uses ranges set aside for fiction where libphonenumber accepts them', () => {
    const random = createSeededRandom(13);
    for (let i = 0; i < 50; i += 1) {
      expect(generatePhone(random, 'US', 'mobile', 'e164').e164).toMatch(/^\+1\d{3}55501\d\d$/);
      expect(generatePhone(random, 'GB', 'landline', 'e164').e164).toMatch(/^\+442079460\d{3}$/);
      expect(generatePhone(random, 'AU', 'mobile', 'e164').e164).toMatch(/^\+614915701[0-5]\d$/);
    }
  });
});
