import { describe, expect, it } from 'vitest';
import { FacebookProtocolError } from './facebookErrors';
import { FacebookServer } from './facebookServer';
import { parsePhoto, parseSyncResponse, type SyncToClientRequest } from './wireFormat';

const request: SyncToClientRequest = { since: 0, pageSize: 50 };

async function goodPage() {
  const server = new FacebookServer({ seed: 3, friends: 10 });
  server.deleteFriend(server.liveFriends()[0]!.guid);
  return structuredClone(await server.syncToClient(request));
}

function rejection(mutate: (page: Record<string, unknown>) => void, page: Record<string, unknown>): string {
  const copy = structuredClone(page);
  mutate(copy);
  try {
    parseSyncResponse(copy, request);
  } catch (error) {
    expect(error).toBeInstanceOf(FacebookProtocolError);
    return (error as Error).message;
  }
  throw new Error('expected a protocol error');
}

describe('parseSyncResponse', () => {
  it('accepts what the server sends, tombstones included', async () => {
    const page = await goodPage();
    expect(parseSyncResponse(page, request)).toEqual(page);
    expect(page.objects.filter((o) => o.isdeleted)).toHaveLength(1);
  });

  it('names the field that is wrong', async () => {
    const page = (await goodPage()) as unknown as Record<string, unknown>;
    const objects = (p: Record<string, unknown>) => p.objects as Array<Record<string, unknown>>;
    const live = objects(page).findIndex((o) => o.isdeleted === false);
    expect(rejection((p) => delete objects(p)[live]!.guid, page)).toMatch(`response.objects[${live}].guid`);
    expect(
      rejection((p) => {
        objects(p)[live]!.phones = [{ number: 5551234, type: 'mobile' }];
      }, page),
    ).toMatch(`response.objects[${live}].phones[0].number: expected a non-empty string, got 5551234`);
    expect(
      rejection((p) => {
        objects(p)[live]!.phones = [{ number: '1', type: 'pager' }];
      }, page),
    ).toMatch(/phones\[0\]\.type: expected mobile \| home \| work/);
    expect(
      rejection((p) => {
        objects(p)[live]!.isdeleted = 'no';
      }, page),
    ).toMatch(/isdeleted/);
    expect(
      rejection((p) => {
        objects(p)[live]!.birthday = { month: 13, day: 1 };
      }, page),
    ).toMatch(/birthday\.month/);
  });

  it('refuses envelopes that would lose or loop', async () => {
    const page = (await goodPage()) as unknown as Record<string, unknown>;
    expect(rejection((p) => Object.assign(p, { upTo: (p.serverCounter as number) + 1 }), page)).toMatch(
      /upTo/,
    );
    expect(rejection((p) => Object.assign(p, { upTo: (p.serverCounter as number) - 1 }), page)).toMatch(
      /serverCounter .* on the last page/,
    );
    expect(
      rejection((p) => {
        const objects = p.objects as unknown[];
        objects.push(objects[0]);
      }, page),
    ).toMatch(/not already in this page/);
    expect(
      rejection((p) => {
        p.objects = Array.from({ length: 51 }, () => (p.objects as unknown[])[0]);
      }, page),
    ).toMatch(/at most 50 objects/);
    expect(rejection((p) => delete p.objects, page)).toMatch(/response\.objects: expected a list/);
  });
});

describe('parsePhoto', () => {
  it('accepts image bytes and refuses the rest', () => {
    const bytes = Uint8Array.of(1, 2, 3);
    expect(parsePhoto({ bytes, mediaType: 'image/png' }, 'p')).toEqual({ bytes, mediaType: 'image/png' });
    expect(() => parsePhoto({ bytes: new Uint8Array(0), mediaType: 'image/png' }, 'p')).toThrow(
      /non-empty bytes/,
    );
    expect(() => parsePhoto({ bytes, mediaType: 'text/html' }, 'p')).toThrow(/image media type/);
    expect(() => parsePhoto('x', 'p')).toThrow(FacebookProtocolError);
  });
});
