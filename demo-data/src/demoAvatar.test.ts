import { describe, expect, it } from 'vitest';
import { demoAvatar } from './demoAvatar';
import { createSeededRandom } from './seededRandom';

describe('demoAvatar', () => {
  it('makes a different avatar for a different seed and the same for the same', () => {
    const a = demoAvatar(createSeededRandom(1));
    expect(demoAvatar(createSeededRandom(1))).toEqual(a);
    expect(demoAvatar(createSeededRandom(2))).not.toEqual(a);
  });
});
