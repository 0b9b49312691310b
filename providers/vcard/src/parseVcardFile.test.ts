import { describe, expect, it } from 'vitest';
import { CORPUS_FILES, corpusBytes } from '../test/corpusFiles';
import { splitVcardFile, splitVcardFileInSteps } from './parseVcardFile';

describe('splitVcardFileInSteps', () => {
  it('finds the same cards and problems as splitVcardFile, pausing between pieces of a large file', async () => {
    const big = Array.from(
      { length: 3000 },
      (_, i) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person ${i} ${'x'.repeat(200)}\r\nEND:VCARD`,
    );
    const inputs = [
      ...CORPUS_FILES.map((name) => corpusBytes(name)),
      `stray\r\n${big.join('\r\n')}\r\nBEGIN:VCARD`,
    ];
    let pauses = 0;
    for (const input of inputs) {
      const stepped = await splitVcardFileInSteps('f.vcf', input, async () => {
        pauses++;
      });
      expect(stepped).toEqual(splitVcardFile('f.vcf', input));
    }
    // The ~700 kB file alone comes in three pieces.
    expect(pauses).toBeGreaterThanOrEqual(CORPUS_FILES.length + 3);
  });
});
