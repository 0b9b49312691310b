import { type Contact, contentId, type DataStoreReader } from '@gcds/shared';
import type { FacebookServer } from '../facebookServer';
import { friendToContact } from '../friendToContact';

/** Every record of a store, by id. */
export async function storeContents(store: DataStoreReader<Contact>): Promise<Map<string, Contact>> {
  const contents = new Map<string, Contact>();
  let after: string | undefined;
  for (;;) {
    const keys = await store.keys(after, 500);
    const records = await store.getMany(keys);
    keys.forEach((key, i) => {
      contents.set(key, records[i]!);
    });
    if (keys.length < 500) return contents;
    after = keys[keys.length - 1];
  }
}

/**
 * What the store must hold when it has caught up with `server`: one record per live friend, mapped as the
 * provider maps it, with photos referenced by content id (Node keeps the picture as its own thumbnail).
 */
export async function expectedContents(server: FacebookServer): Promise<Map<string, Contact>> {
  const expected = new Map<string, Contact>();
  for (const friend of server.liveFriends()) {
    const picture = friend.picture === undefined ? undefined : server.picture(friend.picture.id)!;
    const id = picture === undefined ? undefined : await contentId(picture.bytes);
    expected.set(
      friend.guid,
      friendToContact(
        friend,
        id === undefined ? undefined : { id, thumbnailId: id, mediaType: picture!.mediaType },
      ),
    );
  }
  return expected;
}

/** Ids present in one map and not the other, for readable failure messages. */
export function difference(actual: Map<string, unknown>, expected: Map<string, unknown>) {
  return {
    missing: [...expected.keys()].filter((id) => !actual.has(id)),
    extra: [...actual.keys()].filter((id) => !expected.has(id)),
  };
}
