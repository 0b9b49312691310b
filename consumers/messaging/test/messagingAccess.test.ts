import { AccessError, type ConsumerChange } from '@gcds/shared';
import { recordingPlatform, startHarness } from '@gcds/shared/testing';
import { describe, expect, it } from 'vitest';
import { createMessagingConsumer } from '../src';

/** A local record and a Facebook one in one person, Facebook primary; and a Facebook-only person. */
async function world() {
  const h = await startHarness();
  const local = await h.install('local', 'privileged');
  const facebook = await h.install('facebook-sim', 'certified');
  await local.put('l1', {
    id: 'l1',
    given: 'Ada',
    family: 'Lovelace',
    tel: [{ value: '+1 415 555 0101' }],
    email: [{ value: 'ada@home.example' }],
  });
  await facebook.put('f1', {
    id: 'f1',
    given: 'Augusta',
    family: 'King',
    nickname: ['Gussie'],
    tel: [{ value: '+1 415 555 0101' }, { value: '+44 20 7946 0000', label: 'FB work' }],
    email: [{ value: 'augusta@fb.example' }, { value: 'ada@home.example', label: 'FB label' }],
  });
  await facebook.put('f2', {
    id: 'f2',
    given: 'Noah',
    family: 'Facebookson',
    tel: [{ value: '+1 212 555 0188' }],
    email: [{ value: 'noah@fb.example' }],
  });
  await h.gcds.bulk([
    {
      operation: 'put',
      id: 'p1',
      data: h.person('p1', [h.pointer('facebook-sim', 'f1'), h.pointer('local', 'l1')]),
    },
    { operation: 'put', id: 'p2', data: h.person('p2', [h.pointer('facebook-sim', 'f2')]) },
  ]);
  return h;
}

const FACEBOOK_ONLY = [
  'facebook-sim',
  'Augusta',
  'King',
  'Gussie',
  'augusta@fb',
  'FB work',
  'FB label',
  '7946',
  'Noah',
  'Facebookson',
  'noah@fb',
  '2125550188',
  '"f1"',
  '"f2"',
];

describe('messaging access: a privileged Messages app never receives anything of facebook-sim', () => {
  it('the certified control finds the Facebook data this test hides', async () => {
    const h = await world();
    const certified = await createMessagingConsumer({
      platform: h.platform,
      identity: h.platform.registerApp({ appId: 'certified-messaging', accessLevel: 'certified' }),
      region: 'US',
      dbName: 'messaging-certified',
    });
    await certified.syncNow();
    expect((await certified.displayNameFor('+1 415 555 0101'))?.displayName).toBe('Augusta King');
    expect((await certified.displayNameFor('noah@fb.example'))?.displayName).toBe('Noah Facebookson');
    expect((await certified.searchRecipients('gussie')).map((s) => s.address.value)).toEqual([
      '+1 415 555 0101',
      '+44 20 7946 0000',
      'augusta@fb.example',
      'ada@home.example',
    ]);
    await certified.stop();
  });

  it('falls back to the local record and shows nothing of Facebook anywhere', async () => {
    const h = await world();
    const identity = h.platform.registerApp({ appId: 'messaging', accessLevel: 'privileged' });
    const { platform, received } = recordingPlatform(h.platform);
    const messaging = await createMessagingConsumer({
      platform,
      identity,
      region: 'US',
      dbName: 'messaging-priv',
    });
    const changes: ConsumerChange[] = [];
    messaging.changes$.subscribe((change) => changes.push(change));
    await messaging.syncNow();
    await expect(h.platform.openStore(identity, 'contacts', 'facebook-sim')).rejects.toBeInstanceOf(
      AccessError,
    );

    expect(await messaging.displayNameFor('(415) 555-0101')).toEqual({
      personId: 'p1',
      displayName: 'Ada Lovelace',
      address: { kind: 'phone', value: '+1 415 555 0101', e164: '+14155550101' },
      match: 'e164',
      others: 0,
    });
    expect(
      (await messaging.searchRecipients('ada')).map((s) => `${s.displayName}|${s.address.value}`),
    ).toEqual(['Ada Lovelace|+1 415 555 0101', 'Ada Lovelace|ada@home.example']);
    const asked = [
      '+1 212 555 0188',
      'noah@fb.example',
      'augusta@fb.example',
      '+44 20 7946 0000',
      'ada@home.example',
    ];
    const seen = JSON.stringify({
      names: [...(await messaging.displayNamesFor(asked)).values()],
      searches: await Promise.all(
        ['augusta', 'king', 'gussie', 'noah', 'noah@', 'aug', '2125', '+44 20', 'ada'].map((q) =>
          messaging.searchRecipients(q),
        ),
      ),
      rows: await messaging.sync.db.getAll('recipients'),
      received,
      changes,
    });
    for (const value of FACEBOOK_ONLY)
      expect({ value, leaked: seen.includes(value) }).toEqual({ value, leaked: false });
    expect(received.opened.sort()).toEqual(['gcds/gcds', 'local/contacts']);
    expect(received.tasks.some((task) => JSON.stringify(task).includes('"p1"'))).toBe(true);
    expect(changes.flatMap((c) => c.personIds)).toEqual(['p1']);
    await messaging.stop();
  });
});
