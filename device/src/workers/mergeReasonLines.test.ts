import { describe, expect, it } from 'vitest';
import { displayNumber } from './callerIdView';
import { mergeReasonLines } from './mergeReasonLines';

const show = (number: string) => displayNumber(number, 'FR');

describe('mergeReasonLines', () => {
  it('says each reason once, names first, numbers as the phone shows them', () => {
    expect(
      mergeReasonLines(
        ['phone:+61755502205', 'name:ana lima', 'phone:+61755502205', 'email:ana@example.org'],
        show,
      ),
    ).toEqual(['Same name', 'Same phone number (+61 7 5550 2205)', 'Same email (ana@example.org)']);
  });

  it('says a home number in the national format, and a similar name and an employer', () => {
    expect(mergeReasonLines(['name~:ana lina', 'org:Acme', 'phone:+33612345678'], show)).toEqual([
      'Similar name',
      'Same employer (Acme)',
      'Same phone number (06 12 34 56 78)',
    ]);
  });
});
