import { phoneKeys } from '@gcds/shared';
import { describe, expect, it } from 'vitest';
import { dialerPhoneKeys, dialForms } from './dialForms';

describe('dialForms', () => {
  it('gives a number as written, international, national and with its trunk prefix', () => {
    expect(dialForms(dialerPhoneKeys(phoneKeys('0044 20 7946 0958', 'FR')))).toEqual([
      '00442079460958',
      '442079460958',
      '2079460958',
      '02079460958',
    ]);
    expect(dialForms(dialerPhoneKeys(phoneKeys('(415) 555-0101 x7', 'US')))).toEqual([
      '4155550101',
      '14155550101',
    ]);
  });

  it('keeps an unparsed number and a short code as typed', () => {
    expect(dialForms(dialerPhoneKeys(phoneKeys('555 0101', 'US')))).toEqual(['5550101']);
    expect(dialForms(dialerPhoneKeys(phoneKeys('*611', 'US')))).toEqual(['611']);
    expect(dialForms(dialerPhoneKeys(phoneKeys('no digits', 'US')))).toEqual([]);
  });
});
