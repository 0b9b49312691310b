import { describe, expect, it } from 'vitest';
import { numberOwners, type PhoneOwner } from './numberOwners';
import { phoneKeys } from './phoneMatchKeys';

interface Phone {
  value: string;
  keys: ReturnType<typeof phoneKeys>;
  pref?: boolean;
}

interface Person extends PhoneOwner {
  phones: Phone[];
}

/** A person as a consumer row holds them: `nameKey` written out folded, phones read in the US. */
function person(personId: string, displayName: string, nameKey: string, numbers: string[]): Person {
  const phones = numbers.map((written): Phone => {
    const value = written.replace(/ \(pref\)$/, '');
    const phone: Phone = { value, keys: phoneKeys(value, 'US') };
    if (value !== written) phone.pref = true;
    return phone;
  });
  return { personId, displayName, nameKey, phones };
}

/** [what the table row shows, the number asked about, the book, `personId|entry|match` best first]. */
type OwnerCase = [string, string, Person[], string[]];

const CASES: OwnerCase[] = [
  [
    'each person once, at their best entry',
    '(415) 555-0101',
    [person('ada', 'Ada', 'ada', ['555 0101', '+1 415 555 0101'])],
    ['ada|+1 415 555 0101|e164'],
  ],
  [
    'exact before suffix, even a preferred suffix entry',
    '+1 415 555 0101',
    [person('al', 'Al', 'al', ['555-0101 (pref)']), person('zed', 'Zed', 'zed', ['+1 415 555 0101'])],
    ['zed|+1 415 555 0101|e164', 'al|555-0101|suffix'],
  ],
  [
    'the same extension (none) before a switchboard entry with one, whatever the names',
    '+1 212 555 0100',
    [
      person('desk', 'Desk', 'desk', ['+1 212 555 0100 x23']),
      person('board', 'Switchboard', 'switchboard', ['+1 212 555 0100']),
    ],
    ['board|+1 212 555 0100|e164', 'desk|+1 212 555 0100 x23|e164'],
  ],
  [
    'the same extension first when the call has one',
    '+1 212 555 0100 x23',
    [
      person('board', 'Switchboard', 'switchboard', ['+1 212 555 0100']),
      person('desk', 'Desk', 'desk', ['+1 212 555 0100 x23']),
    ],
    ['desk|+1 212 555 0100 x23|e164', 'board|+1 212 555 0100|e164'],
  ],
  [
    'another extension is another number',
    '+1 212 555 0100 x45',
    [
      person('desk', 'Desk', 'desk', ['+1 212 555 0100 x23']),
      person('board', 'Switchboard', 'switchboard', ['+1 212 555 0100']),
    ],
    ['board|+1 212 555 0100|e164'],
  ],
  [
    'the longer suffix first (Android: the longest match wins), before names',
    '+1 415 555 0101',
    [person('seven', 'Aaron', 'aaron', ['555 0101']), person('nine', 'Zoe', 'zoe', ['15 555 0101'])],
    ['nine|15 555 0101|suffix', 'seven|555 0101|suffix'],
  ],
  [
    'the preferred entry, then people with a name by folded name, the nameless last',
    '+1 415 555 0101',
    [
      person('nameless', '', '', ['+1 415 555 0101']),
      person('bea', 'Béa', 'bea', ['+1 415 555 0101']),
      person('zed', 'Zed', 'zed', ['+1 415 555 0101 (pref)']),
      person('ann', 'ann', 'ann', ['+1 415 555 0101']),
    ],
    [
      'zed|+1 415 555 0101|e164',
      'ann|+1 415 555 0101|e164',
      'bea|+1 415 555 0101|e164',
      'nameless|+1 415 555 0101|e164',
    ],
  ],
  [
    "a person's preferred entry among two exact ones",
    '+1 415 555 0101',
    [person('ada', 'Ada', 'ada', ['(415) 555-0101', '+1 415 555 0101 (pref)'])],
    ['ada|+1 415 555 0101|e164'],
  ],
  [
    'equal names by person id',
    '+1 415 555 0101',
    [person('p2', 'Ada', 'ada', ['+1 415 555 0101']), person('p1', 'Ada', 'ada', ['(415) 555-0101'])],
    ['p1|(415) 555-0101|e164', 'p2|+1 415 555 0101|e164'],
  ],
  [
    'short codes only exactly',
    '112',
    [person('sos', 'SOS', 'sos', ['112']), person('end', 'Ends', 'ends', ['+33 1 23 45 61 12'])],
    ['sos|112|short-code'],
  ],
  [
    'no suffix of a short code',
    '6112',
    [person('sos', 'SOS', 'sos', ['112']), person('end', 'Ends', 'ends', ['+33 1 23 45 61 12'])],
    [],
  ],
  [
    'the same unparsed digits exactly',
    '555 0101',
    [person('al', 'Al', 'al', ['555-0101']), person('ada', 'Ada', 'ada', ['+1 415 555 0101'])],
    ['al|555-0101|digits', 'ada|+1 415 555 0101|suffix'],
  ],
  ['nobody', '+1 415 555 9999', [person('ada', 'Ada', 'ada', ['+1 415 555 0101'])], []],
];

describe('numberOwners', () => {
  it.each(CASES)('%s', (_what, number, book, expected) => {
    const found = numberOwners(phoneKeys(number, 'US'), book);
    expect(found.map(({ owner, phone, match }) => `${owner.personId}|${phone.value}|${match}`)).toEqual(
      expected,
    );
  });

  it('hands back the very row and phone entry, so a consumer keeps its own fields', () => {
    const ada = person('ada', 'Ada', 'ada', ['555 0101', '+1 415 555 0101']);
    const [found] = numberOwners(phoneKeys('+1 415 555 0101', 'US'), [ada]);
    expect(found?.owner).toBe(ada);
    expect(found?.phone).toBe(ada.phones[1]);
  });
});
