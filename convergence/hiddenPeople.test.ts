import { describe, expect, it } from 'vitest';
import { IDENTITIES, type RecordSpec } from './identities';
import { PipelineUnderTest } from './pipelineUnderTest';

/*
 * Hiding a person over the whole pipeline (real providers, GCDS and the three apps over
 * fake-indexeddb): a hide is a GCDS decision by source key, so it must hold over everything that
 * rebuilds people from their sources, and every app must leave the person out until unhidden.
 */

const spec = (identity: number, phoneStyle = 0): RecordSpec => ({
  identity,
  keys: 'both',
  phoneStyle,
  emailStyle: 0,
  version: 0,
});
const ada = IDENTITIES[0]!;
const grace = IDENTITIES[1]!;

/** What each app shows of a person by name and number: the list's search, caller ID, recipients. */
async function seenBy(world: PipelineUnderTest, given: string, e164: string) {
  await world.settle();
  const contacts = world.app('contacts', 'contacts');
  const dialer = world.app('dialer', 'dialer');
  const messaging = world.app('messaging', 'messaging');
  return {
    contacts: (await contacts.search(given, 10)).map((hit) => hit.entry.displayName),
    callerId: (await dialer.lookupNumber(e164)).map((match) => match.displayName),
    recipients: [...new Set((await messaging.searchRecipients(given, 10)).map((r) => r.displayName))],
  };
}

const adaShown = {
  contacts: ['Ada Lovelace'],
  callerId: ['Ada Lovelace'],
  recipients: ['Ada Lovelace'],
};
const nowhere = { contacts: [], callerId: [], recipients: [] };

async function world() {
  const pipeline = await PipelineUnderTest.start();
  // Ada in the phone's contacts and in a vCard import, one person; Grace only in the import.
  await pipeline.localPut('l1', spec(0));
  const cards = [['v2', spec(0, 1)] as const, ['v3', spec(1)] as const];
  await pipeline.importVcards(cards);
  await pipeline.settle();
  const adaId = await pipeline.personOf('v2', 'vcard');
  expect(await pipeline.personOf('l1', 'local')).toBe(adaId);
  return { pipeline, cards, adaId };
}

describe('a hidden person', () => {
  it('is in no app, through a re-import, a provider reinstall, a GCDS and an app restart, until unhidden', async () => {
    const { pipeline, cards, adaId } = await world();
    expect(await seenBy(pipeline, ada.given, ada.e164)).toEqual(adaShown);

    await pipeline.gcds.hide(adaId);
    expect(await seenBy(pipeline, ada.given, ada.e164)).toEqual(nowhere);
    // Nobody else goes with her.
    expect((await seenBy(pipeline, grace.given, grace.e164)).contacts).toEqual(['Grace Hopper']);
    const hidden = await pipeline.gcds.hiddenPeople();
    expect(hidden.map((person) => [person.personId, person.displayName, person.sources.length])).toEqual([
      [adaId, 'Ada Lovelace', 2],
    ]);

    await pipeline.restartGcds();
    expect(await seenBy(pipeline, ada.given, ada.e164)).toEqual(nowhere);

    // The same file removed and imported again: the same cards, under the same keys.
    await pipeline.removeVcardFile();
    await pipeline.importVcards(cards);
    expect(await seenBy(pipeline, ada.given, ada.e164)).toEqual(nowhere);

    // The provider uninstalled and installed again: a new store, which the GCDS reads from scratch.
    await pipeline.uninstall('vcard');
    await pipeline.settle();
    await pipeline.install('vcard');
    await pipeline.importVcards(cards);
    expect(await seenBy(pipeline, ada.given, ada.e164)).toEqual(nowhere);

    // An app rebuilt from nothing (its database's sync point gone) still never gets her.
    await pipeline.restartConsumer('contacts');
    expect(await seenBy(pipeline, ada.given, ada.e164)).toEqual(nowhere);

    const [again] = await pipeline.gcds.hiddenPeople();
    expect(again?.sources.map((s) => s.provider).sort()).toEqual(['local', 'vcard']);
    await pipeline.gcds.unhide(again!.personId);
    expect(await seenBy(pipeline, ada.given, ada.e164)).toEqual(adaShown);
    expect(await pipeline.gcds.hiddenPeople()).toEqual([]);
    // Back whole: both sources, still one person.
    const person = await pipeline.gcds.getPerson(await pipeline.personOf('l1', 'local'));
    expect(person?.pointers.map((p) => p.provider).sort()).toEqual(['local', 'vcard']);
    expect(person?.hidden).toBeUndefined();
    await pipeline.close();
  });

  it('writes nothing to any provider', async () => {
    const { pipeline, adaId } = await world();
    const revisions = async () =>
      Promise.all(
        (['local', 'vcard', 'facebook-sim'] as const).map(async (provider) =>
          (await pipeline.platform.listStores('contacts')).find((s) => s.owner === provider),
        ),
      );
    const before = JSON.stringify(await revisions());
    const vcardBefore = await pipeline.api<{ exportAll(): Promise<string> }>('vcard').exportAll();
    await pipeline.gcds.hide(adaId);
    await pipeline.settle();
    expect(JSON.stringify(await revisions())).toBe(before);
    expect(await pipeline.api<{ exportAll(): Promise<string> }>('vcard').exportAll()).toBe(vcardBefore);
    await pipeline.close();
  });

  it('shows again, whole, when a new source of them arrives', async () => {
    const { pipeline, adaId } = await world();
    await pipeline.gcds.hide(adaId);
    expect(await seenBy(pipeline, ada.given, ada.e164)).toEqual(nowhere);
    // A Facebook friend with her name and number joins her: something the user has not hidden.
    pipeline.friendAdd('f4', spec(0, 2));
    const shown = await seenBy(pipeline, ada.given, ada.e164);
    expect(shown.contacts).toEqual(['Ada Lovelace']);
    // The friend is certified-only: Phone and Messages see her through the local contact and the card.
    expect(shown.callerId).toEqual(['Ada Lovelace']);
    const person = await pipeline.gcds.getPerson(await pipeline.personOf('f4', 'facebook-sim'));
    expect(person?.pointers).toHaveLength(3);
    expect(await pipeline.gcds.hiddenPeople()).toEqual([]);
    await pipeline.close();
  });
});
