import { describe, expect, it } from 'vitest';
import { foldName } from './foldName';
import { givenNameKeys, givenNamesMatch, nicknameGroups } from './nicknameKeys';

describe('givenNameKeys', () => {
  it.each([
    ['Bill', ['william']],
    ['William', ['william']],
    ['Bob', ['robert']],
    ['BOBBY', ['robert']],
    ['Liz', ['elizabeth']],
    ['Elisabeth', ['elizabeth']],
    ['Kate', ['katherine']],
    ['Catherine', ['katherine']],
    ['Jim', ['james']],
    ['Mike', ['michael']],
    ['Jack', ['john']],
    ['Jon', ['john', 'jonathan']],
    ['Alex', ['alexander', 'alexandra']],
    ['Sasha', ['alexander', 'alexandra']],
    ['Chris', ['christian', 'christina', 'christopher']],
    ['Harry', ['harold', 'henry']],
    ['Pepe', ['jose']],
    ['José', ['jose']],
    ['Paco', ['francisco']],
    ['Hans', ['johannes']],
    ['Fritz', ['friedrich']],
    ['Beppe', ['giuseppe']],
    ['Gosia', ['malgorzata']],
    ['Małgorzata', ['malgorzata']],
    ['Саша', ['александр', 'александра']],
    ['Алексей', ['алексеи']],
    ['Лёша', ['алексеи']],
    ['Серёжа', ['сергеи']],
    ['Dima', ['dmitri']],
    ['Γιώργος', ['γεωργιοσ']],
    ['Κώστας', ['κωνσταντινοσ']],
    ['Mohammed', ['muhammad']],
    ['Ada', ['ada']],
    ['Zoë', ['zoe']],
    ['太郎', ['太郎']],
    ['  ', []],
  ])('%j → %j', (name, keys) => {
    expect(givenNameKeys(name)).toEqual(keys);
  });
});

describe('givenNamesMatch', () => {
  it.each([
    ['Bill', 'William', true],
    ['Bob', 'Bobby', true],
    ['Liz', 'Beth', true],
    ['Alex', 'Alexandra', true],
    ['Alex', 'Alexander', true],
    ['Sasha', 'Alex', true],
    ['Pepe', 'José', true],
    ['Hans', 'Johannes', true],
    ['Саша', 'Александра', true],
    ['Ada', 'ADA', true],
    // Not one person's names
    ['Alexander', 'Alexandra', false],
    ['Samuel', 'Samantha', false],
    ['John', 'Jonathan', false],
    ['William', 'Robert', false],
    ['Bill', 'Bob', false],
    ['Sasha', 'Саша', false],
    ['Ada', 'Adam', false],
    ['', '', false],
  ])('%j ~ %j: %s', (a, b, same) => {
    expect(givenNamesMatch(a, b)).toBe(same);
    expect(givenNamesMatch(b, a)).toBe(same);
  });
});

describe('the nickname table', () => {
  const groups = nicknameGroups();

  it('has between 60 and 200 groups, each a canonical name and at least one other', () => {
    expect(groups.length).toBeGreaterThanOrEqual(60);
    expect(groups.length).toBeLessThanOrEqual(200);
    for (const group of groups) expect(group.length).toBeGreaterThanOrEqual(2);
  });

  it('holds single folded words only, none twice in a group, no canonical name twice', () => {
    for (const group of groups) {
      expect(new Set(group).size).toBe(group.length);
      for (const name of group) {
        expect(foldName(name)).toBe(name);
        expect(name).toMatch(/^\p{L}+$/u);
      }
    }
    const canonicals = groups.map((group) => group[0]);
    expect(new Set(canonicals).size).toBe(canonicals.length);
  });
});
