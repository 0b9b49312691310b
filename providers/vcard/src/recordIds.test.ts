import { describe, expect, it } from 'vitest';
import { RecordIdAllocator } from './recordIds';

describe('RecordIdAllocator', () => {
  it('derives the same id from the same file and UID, whatever the content', () => {
    const a = new RecordIdAllocator('a.vcf').idFor({ uid: 'U1', contentHash: 'h1' });
    const again = new RecordIdAllocator('a.vcf').idFor({ uid: 'U1', contentHash: 'h2' });
    expect(again).toBe(a);
    expect(a).toMatch(/^u-[0-9a-f]{28}$/);
  });

  it('uses the content hash when there is no UID', () => {
    const id = new RecordIdAllocator('a.vcf').idFor({ uid: null, contentHash: 'h1' });
    expect(id).toMatch(/^c-[0-9a-f]{28}$/);
    expect(new RecordIdAllocator('a.vcf').idFor({ uid: null, contentHash: 'h2' })).not.toBe(id);
  });

  it('gives different files different ids for the same card', () => {
    const source = { uid: 'U1', contentHash: 'h' };
    expect(new RecordIdAllocator('a.vcf').idFor(source)).not.toBe(
      new RecordIdAllocator('b.vcf').idFor(source),
    );
  });

  it('numbers repeats inside a file, so duplicates stay separate records, stably', () => {
    const ids = (file: string) => {
      const allocator = new RecordIdAllocator(file);
      return [
        allocator.idFor({ uid: 'U1', contentHash: 'x' }),
        allocator.idFor({ uid: 'U1', contentHash: 'y' }),
        allocator.idFor({ uid: null, contentHash: 'z' }),
        allocator.idFor({ uid: null, contentHash: 'z' }),
      ];
    };
    const first = ids('a.vcf');
    expect(new Set(first).size).toBe(4);
    expect(ids('a.vcf')).toEqual(first);
  });
});
