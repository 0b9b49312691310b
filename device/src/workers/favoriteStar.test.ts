import type { ContactDraft, MergedContact, SourceRef } from '@gcds/shared';
import { mergedContact } from '@gcds/shared/testing';
import { describe, expect, it } from 'vitest';
import type { EditableProviderApi } from '../protocol/workerApis';
import { NOTHING_TO_COPY, type StarWriter, setFavorite } from './favoriteStar';

const local = { provider: 'local', contactId: 'l1' };
const vcard = { provider: 'vcard', contactId: 'v1' };

/** A writer over in-memory records: what each provider holds, and what was written where. */
function writer(records: Record<string, ContactDraft>, editable: SourceRef | undefined) {
  const writes: string[] = [];
  const linked: ContactDraft[] = [];
  const provider = (name: string): EditableProviderApi =>
    ({
      get: async (id: string) => records[`${name}/${id}`],
      update: async (id: string, draft: ContactDraft) => {
        writes.push(`${name}/${id} favorite=${String(draft.favorite)}`);
        records[`${name}/${id}`] = { ...records[`${name}/${id}`], ...draft };
        return { ok: true, id };
      },
    }) as unknown as EditableProviderApi;
  const star: StarWriter = {
    editableOf: async () => editable,
    isWritable: async (source) => source.provider === 'local',
    provider,
    copyDraft: (merged) => ({ given: merged.given?.value }),
    createLinked: async (personId, draft) => {
      linked.push(draft);
      return { ok: true, source: { provider: 'local', contactId: 'copy' }, personId: `${personId}+copy` };
    },
  };
  return { star, writes, linked };
}

function person(sources: SourceRef[]): MergedContact {
  return mergedContact({ personId: 'p1', sources, given: { value: 'Ada', source: sources[0]! } });
}

describe('starring a person', () => {
  it('writes the star on the record Edit would change', async () => {
    const { star, writes, linked } = writer({ 'local/l1': { given: 'Ada' } }, local);
    expect(await setFavorite(star, person([local, vcard]), true)).toEqual({ ok: true, personId: 'p1' });
    expect(writes).toEqual(['local/l1 favorite=true']);
    expect(linked).toEqual([]);
  });

  it('keeps the star of an import in a linked phone copy, as its first edit would', async () => {
    const { star, writes, linked } = writer({}, undefined);
    expect(await setFavorite(star, person([vcard]), true)).toEqual({ ok: true, personId: 'p1+copy' });
    expect(linked).toEqual([{ given: 'Ada', favorite: true }]);
    expect(writes).toEqual([]);
  });

  it('says why a person nothing may be copied from (a facebook-sim friend) cannot be starred', async () => {
    const { star, linked } = writer({}, undefined);
    const result = await setFavorite({ ...star, copyDraft: () => ({}) }, person([vcard]), true);
    expect(result).toEqual({ ok: false, errors: [{ field: '', message: NOTHING_TO_COPY }] });
    expect(linked).toEqual([]);
  });

  it('clears the star on every writable record that has it, and touches no other', async () => {
    const other = { provider: 'local', contactId: 'l2' };
    const { star, writes } = writer(
      { 'local/l1': { favorite: true }, 'local/l2': { given: 'Ada' }, 'vcard/v1': { favorite: true } },
      local,
    );
    expect(await setFavorite(star, person([local, other, vcard]), false)).toEqual({
      ok: true,
      personId: 'p1',
    });
    expect(writes).toEqual(['local/l1 favorite=false']);
  });
});
