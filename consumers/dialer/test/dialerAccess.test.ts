import { GCDS_APP_ID, Gcds } from '@gcds/gcds';
import { createFacebookSimProvider, FacebookServer } from '@gcds/provider-facebook-sim';
import { createLocalProvider } from '@gcds/provider-local';
import { AccessError, type ConsumerChange, DataStorePlatform, ProviderRegistry } from '@gcds/shared';
import { recordingPlatform, startHarness } from '@gcds/shared/testing';
import { describe, expect, it } from 'vitest';
import { createDialerConsumer } from '../src';

/** Values only facebook-sim holds. None may reach a privileged consumer in any form. */
const FACEBOOK_ONLY = [
  'facebook-sim',
  'Augusta',
  'King',
  'Gussie',
  'ada@fb.example',
  'Facebook Friends',
  '7946',
  'Only',
  'OnFacebook',
  '2125550199',
  '212 555 0199',
  '"f1"',
  '"f2"',
];

async function facebookPrimaryWorld() {
  const h = await startHarness();
  const local = await h.install('local', 'privileged');
  const facebook = await h.install('facebook-sim', 'certified');
  await local.put('l1', {
    id: 'l1',
    given: 'Ada',
    family: 'Lovelace',
    tel: [{ value: '+1 415 555 0101', type: ['cell'] }],
  });
  await facebook.put('f1', {
    id: 'f1',
    given: 'Augusta',
    family: 'King',
    nickname: ['Gussie'],
    org: 'Facebook Friends',
    tel: [{ value: '(415) 555-0101', label: 'Facebook mobile' }, { value: '+44 20 7946 0000' }],
    email: [{ value: 'ada@fb.example' }],
  });
  await facebook.put('f2', {
    id: 'f2',
    given: 'Only',
    family: 'OnFacebook',
    tel: [{ value: '+1 212 555 0199' }],
  });
  // Facebook is p1's primary source (as a GCDS may order it): a privileged reader must fall back.
  await h.gcds.bulk([
    {
      operation: 'put',
      id: 'p1',
      data: h.person('p1', [h.pointer('facebook-sim', 'f1'), h.pointer('local', 'l1')]),
    },
    { operation: 'put', id: 'p2', data: h.person('p2', [h.pointer('facebook-sim', 'f2')]) },
  ]);
  return { h, local, facebook };
}

describe('dialer access: a privileged dialer never receives anything of facebook-sim', () => {
  it('the certified control sees the Facebook data this test hides', async () => {
    const { h } = await facebookPrimaryWorld();
    const certified = await createDialerConsumer({
      platform: h.platform,
      identity: h.platform.registerApp({ appId: 'certified-dialer', accessLevel: 'certified' }),
      region: 'US',
      dbName: 'access-certified',
    });
    await certified.syncNow();
    const ada = await certified.lookupNumber('+1 415 555 0101');
    expect(ada.map((m) => `${m.displayName} | ${m.matchedTel.value}`)).toEqual([
      'Augusta King | (415) 555-0101',
    ]);
    expect((await certified.lookupNumber('+1 212 555 0199')).map((m) => m.displayName)).toEqual([
      'Only OnFacebook',
    ]);
    expect((await certified.suggest('7946')).map((s) => s.matchedTel.value)).toEqual(['+44 20 7946 0000']);
    await certified.stop();
  });

  it('falls back to the readable pointer and hides the Facebook-only person everywhere', async () => {
    const { h, facebook } = await facebookPrimaryWorld();
    const identity = h.platform.registerApp({ appId: 'dialer', accessLevel: 'privileged' });
    const { platform, received } = recordingPlatform(h.platform);
    const dialer = await createDialerConsumer({
      platform,
      identity,
      region: 'US',
      dbName: 'access-privileged',
    });
    const changes: ConsumerChange[] = [];
    dialer.changes$.subscribe((change) => changes.push(change));
    await dialer.syncNow();

    // The platform itself refuses the provider store to this identity.
    await expect(h.platform.openStore(identity, 'contacts', 'facebook-sim')).rejects.toBeInstanceOf(
      AccessError,
    );

    const lookup = await dialer.lookupNumber('+1 415 555 0101');
    expect(lookup).toEqual([
      {
        personId: 'p1',
        displayName: 'Ada Lovelace',
        matchedTel: { value: '+1 415 555 0101', e164: '+14155550101', type: ['cell'] },
        match: 'e164',
      },
    ]);
    expect(await dialer.lookupNumber('+1 212 555 0199')).toEqual([]);
    expect(await dialer.lookupNumber('+44 20 7946 0000')).toEqual([]);
    expect(await dialer.suggest('7946')).toEqual([]);
    expect((await dialer.suggest('555')).map((s) => s.displayName)).toEqual(['Ada Lovelace']);

    // Facebook edits its record: the update reaches the dialer as the local record only.
    await facebook.put('f1', {
      id: 'f1',
      given: 'Augusta',
      family: 'King',
      tel: [{ value: '+1 415 555 0101' }],
    });
    await h.gcds.put('p1', h.person('p1', [h.pointer('facebook-sim', 'f1', 2), h.pointer('local', 'l1')]));
    await h.gcds.put('p2', h.person('p2', [h.pointer('facebook-sim', 'f2', 2)]));
    await dialer.syncNow();

    const seen = JSON.stringify({
      lookups: [
        await dialer.lookupNumber('+1 415 555 0101'),
        await dialer.lookupNumber('+1 212 555 0199'),
        await dialer.lookupNumber('+44 20 7946 0000'),
      ],
      suggestions: [await dialer.suggest('7946'), await dialer.suggest('0'), await dialer.suggest('212')],
      // The answers only: the map's keys are the numbers asked about.
      names: [
        ...(await dialer.namesFor(['+1 415 555 0101', '+1 212 555 0199', '+44 20 7946 0000'])).values(),
      ],
      rows: await dialer.sync.db.getAll('callerId'),
      received,
      changes,
    });
    for (const value of FACEBOOK_ONLY)
      expect({ value, leaked: seen.includes(value) }).toEqual({ value, leaked: false });
    // An update of a person this reader could never see reaches it not at all, not even as its id.
    const aboutP2 = received.tasks.filter((task) => JSON.stringify(task).includes('"p2"'));
    expect(aboutP2).toEqual([]);
    // What did arrive: the GCDS and the local provider, tasks and the revisions that woke it included.
    expect(received.opened.sort()).toEqual(['gcds/gcds', 'local/contacts', 'local/contacts']);
    expect(received.tasks.length).toBeGreaterThan(0);
    expect(received.revisions.length).toBeGreaterThan(0);
    // p2 never: the dialer never held a row for it.
    expect(changes.flatMap((c) => c.personIds)).toEqual(['p1', 'p1']);
    await dialer.stop();
  });

  it('over the real pipeline with the real facebook-sim provider: merged and Facebook-only friends', async () => {
    const platform = new DataStorePlatform({ namespace: `dialer-access-${Math.random()}` });
    const registry = new ProviderRegistry(platform);
    const gcds = await Gcds.start({
      platform,
      identity: platform.registerApp({ appId: GCDS_APP_ID, accessLevel: 'certified' }),
      region: 'US',
    });
    const local = await registry.install(createLocalProvider());
    await local.api.add({
      given: 'Mary',
      family: 'Smith',
      tel: [{ value: '(415) 555-0111', type: ['home'] }],
    });
    const server = new FacebookServer({ seed: 7 });
    server.addFriend({
      first_name: 'Mary',
      last_name: 'Smith',
      nickname: 'Sunny',
      phones: [
        { number: '+1 415 555 0111', type: 'home' },
        { number: '+1 650 555 0177', type: 'mobile' },
      ],
      emails: [{ address: 'mary@fb.example', type: 'personal' }],
    });
    server.addFriend({
      first_name: 'Noah',
      last_name: 'Kim',
      phones: [{ number: '+1 212 555 0188', type: 'mobile' }],
      emails: [],
    });
    const facebook = await registry.install(createFacebookSimProvider({ api: server }));
    await facebook.api.syncNow();
    await gcds.whenIdle();

    const recorded = recordingPlatform(platform);
    const make = (appId: string, accessLevel: 'privileged' | 'certified') =>
      createDialerConsumer({
        platform: accessLevel === 'privileged' ? recorded.platform : platform,
        identity: platform.registerApp({ appId, accessLevel }),
        region: 'US',
        dbName: `real-${appId}`,
      });
    const certified = await make('certified-dialer', 'certified');
    const privileged = await make('dialer', 'privileged');
    await certified.syncNow();
    await privileged.syncNow();

    const shown = async (dialer: typeof certified, number: string) =>
      (await dialer.lookupNumber(number)).map((m) => `${m.displayName} | ${m.matchedTel.value}`);
    expect(await shown(certified, '+1 650 555 0177')).toEqual(['Mary Smith | +1 650 555 0177']);
    expect(await shown(certified, '+1 212 555 0188')).toEqual(['Noah Kim | +1 212 555 0188']);
    expect(await shown(privileged, '+1 415 555 0111')).toEqual(['Mary Smith | (415) 555-0111']);
    expect(await shown(privileged, '+1 650 555 0177')).toEqual([]);
    expect(await shown(privileged, '+1 212 555 0188')).toEqual([]);
    const stored = JSON.stringify([await privileged.sync.db.getAll('callerId'), recorded.received]);
    expect(recorded.received.tasks.length).toBeGreaterThan(0);
    for (const value of ['facebook-sim', 'Sunny', '6505550177', '650 555 0177', 'Noah', 'mary@fb']) {
      expect({ value, leaked: stored.includes(value) }).toEqual({ value, leaked: false });
    }
    await certified.stop();
    await privileged.stop();
    await gcds.stop();
  });
});
