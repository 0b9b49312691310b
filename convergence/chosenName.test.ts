import { describe, expect, it } from 'vitest';
import type { RecordSpec } from './identities';
import { type ObservedState, observe } from './observedState';
import { PipelineUnderTest } from './pipelineUnderTest';

/*
 * A manual merge of people with different names, where the user picks the name that wins: every app
 * (Contacts' list, the Phone app's caller ID, Messages' thread names) shows the chosen name, through
 * edits, a re-import and a GCDS restart, and an unmerge gives each person its own name back.
 */

const ada: RecordSpec = { identity: 0, keys: 'phone', phoneStyle: 0, emailStyle: 0, version: 0 };
const grace: RecordSpec = { identity: 1, keys: 'email', phoneStyle: 0, emailStyle: 0, version: 0 };

/** Every name the three apps show for the person the two sources make. */
function namesShown(state: ObservedState): string[] {
  const names: string[] = [];
  for (const consumer of state.consumers) {
    if (consumer.kind === 'contacts') names.push(...consumer.people.map((p) => `contacts: ${p.displayName}`));
    if (consumer.kind === 'dialer') {
      for (const id of consumer.callerIds)
        names.push(...id.people.map((p) => `caller ID ${id.number}: ${p.displayName}`));
    }
    if (consumer.kind === 'messaging') {
      for (const thread of consumer.threads)
        if (thread.person !== undefined) names.push(`thread ${thread.address}: ${thread.person.displayName}`);
    }
  }
  return names.sort();
}

describe('a manual merge with the name the user chose', () => {
  it('names the person so in all three apps, through re-sync and restart, until unmerged', async () => {
    const pipeline = await PipelineUnderTest.start({ providers: ['local', 'vcard'] });
    await pipeline.localPut('l1', ada);
    await pipeline.importVcards([['v1', grace]]);
    await pipeline.settle();
    const separate = namesShown(await observe(pipeline));
    expect(separate).toEqual(
      [
        'contacts: Ada Lovelace',
        'contacts: Grace Hopper',
        'caller ID 4155550101: Ada Lovelace',
        'thread +14155550101: Ada Lovelace',
        'thread grace.hopper@example.net: Grace Hopper',
      ].sort(),
    );

    // The phone's own contact would be primary; the user picks the vCard's name instead.
    const local = await pipeline.personOf('l1', 'local');
    const card = await pipeline.personOf('v1', 'vcard');
    const cardId = pipeline.contactIdOf({ key: 'v1', provider: 'vcard' });
    const merged = await pipeline.gcds.merge([local, card], { provider: 'vcard', contactId: cardId });
    expect((await pipeline.gcds.getPerson(merged))?.pointers[0]?.provider).toBe('local');
    await pipeline.settle();
    const chosen = [
      'contacts: Grace Hopper',
      'caller ID 4155550101: Grace Hopper',
      'thread +14155550101: Grace Hopper',
      'thread grace.hopper@example.net: Grace Hopper',
    ].sort();
    expect(namesShown(await observe(pipeline))).toEqual(chosen);

    // An edit of each source (the GCDS regroups them), a re-import and a restart: the choice holds.
    await pipeline.localPut('l1', { ...ada, version: 1 });
    await pipeline.importVcards([['v1', { ...grace, version: 1 }]]);
    await pipeline.restartGcds();
    await pipeline.restartConsumer('contacts');
    await pipeline.settle();
    expect(namesShown(await observe(pipeline))).toEqual(chosen);

    await pipeline.gcds.unmerge(await pipeline.personOf('l1', 'local'));
    await pipeline.settle();
    expect(namesShown(await observe(pipeline))).toEqual(separate);
    await pipeline.close();
  });

  it('refuses a chosen name that is no source of the people merged', async () => {
    const pipeline = await PipelineUnderTest.start({ providers: ['local', 'vcard'] });
    await pipeline.localPut('l1', ada);
    await pipeline.importVcards([['v1', grace]]);
    await pipeline.settle();
    const ids = [await pipeline.personOf('l1', 'local'), await pipeline.personOf('v1', 'vcard')];
    await expect(pipeline.gcds.merge(ids, { provider: 'local', contactId: 'nobody' })).rejects.toThrow(
      /not a source of these people/,
    );
    expect((await pipeline.people()).length).toBe(2);
    await pipeline.close();
  });
});
