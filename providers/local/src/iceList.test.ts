import { describe, expect, it } from 'vitest';
import { IceLimitError, MAX_ICE_CONTACTS, nextIceIds } from './iceList';

describe('nextIceIds', () => {
  it('appends new ICE contacts in order and drops unset or removed ones', () => {
    expect(nextIceIds(['a', 'b'], [{ id: 'c', ice: true }])).toEqual(['a', 'b', 'c']);
    expect(
      nextIceIds(
        ['a', 'b', 'c'],
        [
          { id: 'b', ice: false },
          { id: 'd', ice: true },
        ],
      ),
    ).toEqual(['a', 'c', 'd']);
    expect(nextIceIds(['a'], [{ id: 'a', ice: true }])).toEqual(['a']);
    expect(nextIceIds(['a'], [{ id: 'x', ice: false }])).toEqual(['a']);
  });

  it('allows exactly the limit and refuses one more, naming who is ICE and who was refused', () => {
    const five = ['a', 'b', 'c', 'd', 'e'];
    expect(MAX_ICE_CONTACTS).toBe(5);
    expect(nextIceIds(five.slice(0, 4), [{ id: 'e', ice: true }])).toEqual(five);
    let error: unknown;
    try {
      nextIceIds(five, [{ id: 'f', ice: true }]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(IceLimitError);
    const limitError = error as IceLimitError;
    expect(limitError.limit).toBe(5);
    expect(limitError.iceIds).toEqual(five);
    expect(limitError.refusedIds).toEqual(['f']);
    expect(limitError.message).toMatch(/at most 5 ICE/);
    expect(limitError.message).toMatch(/f cannot be made ICE/);
  });

  it('judges a batch as a whole: freeing a slot in the same batch makes room', () => {
    const five = ['a', 'b', 'c', 'd', 'e'];
    expect(
      nextIceIds(five, [
        { id: 'f', ice: true },
        { id: 'a', ice: false },
      ]),
    ).toEqual(['b', 'c', 'd', 'e', 'f']);
    expect(() =>
      nextIceIds(
        [],
        ['1', '2', '3', '4', '5', '6'].map((id) => ({ id, ice: true })),
      ),
    ).toThrow(IceLimitError);
  });

  it('does not change the list it was given', () => {
    const current = ['a'];
    nextIceIds(current, [{ id: 'b', ice: true }]);
    expect(current).toEqual(['a']);
  });
});
