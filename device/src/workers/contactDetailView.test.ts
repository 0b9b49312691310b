import type { SourceRef } from '@gcds/shared';
import { mergedContact } from '@gcds/shared/testing';
import { describe, expect, it } from 'vitest';
import type { EditableProviderInfo } from '../protocol/workerApis';
import { contactDetailView } from './contactDetailView';

const local = { provider: 'local', contactId: 'l1' };
const vcard = { provider: 'vcard', contactId: 'v1' };
const facebook = { provider: 'facebook-sim', contactId: 'f1' };
const work = { provider: 'carddav-0123abcd', contactId: 'w1' };
const shared = { provider: 'carddav-89abcdef', contactId: 's1' };
const accounts = new Map<string, EditableProviderInfo>([
  [work.provider, { name: 'Work', writable: true }],
  [shared.provider, { name: 'Shared', writable: false, readOnlyReason: 'read only' }],
]);

function view(...sources: SourceRef[]) {
  return contactDetailView(mergedContact({ sources }), undefined, 'FR', accounts);
}

describe('what Delete removes, and whether the question offers Hide', () => {
  it('deletes the phone copy and offers Hide when all that stays is read-only', () => {
    expect(view(local, vcard)).toMatchObject({ deletable: local, othersReadOnly: true });
    expect(view(local, vcard, facebook, shared)).toMatchObject({ deletable: local, othersReadOnly: true });
  });

  it('offers no Hide when something writable stays (the user can delete that too)', () => {
    expect(view(local, work)).toMatchObject({ deletable: local, othersReadOnly: false });
    expect(view(local)).toMatchObject({ deletable: local, othersReadOnly: false });
  });

  it('deletes an import-only contact from the import, the card the vCard provider owns', () => {
    expect(view(vcard)).toMatchObject({ deletable: vcard, othersReadOnly: false });
    expect(view(vcard, facebook)).toMatchObject({ deletable: vcard, othersReadOnly: true });
    expect(view(vcard).editable).toBeUndefined();
  });

  it('has nothing to delete for a contact only Facebook or a read-only book has', () => {
    expect(view(facebook).deletable).toBeUndefined();
    expect(view(shared).deletable).toBeUndefined();
  });
});
