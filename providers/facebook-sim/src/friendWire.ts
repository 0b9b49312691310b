import type { ServerFriend } from './friendTable';
import type { WireFriend, WireObject, WireTombstone } from './wireFormat';

const PROFILE_URL = 'https://facebook.example/profile/';

/** The media type of a stored picture, by id. */
export type PictureMediaType = (pictureId: string) => string;

/** The friend's wire form: a tombstone while soft-deleted, else the whole friend. */
export function wireObject(friend: ServerFriend, mediaTypeOf: PictureMediaType): WireObject {
  if (friend.isdeleted) {
    const tombstone: WireTombstone = {
      guid: friend.guid,
      isdeleted: true,
      timestamp_lastupdate: friend.timestamp_lastupdate,
    };
    return tombstone;
  }
  return wireFriend(friend, mediaTypeOf);
}

/** A live friend as the API sends it: the profile's fields, a display name and a picture reference. */
export function wireFriend(friend: ServerFriend, mediaTypeOf: PictureMediaType): WireFriend {
  const p = structuredClone(friend.profile);
  const wire: WireFriend = {
    guid: friend.guid,
    isdeleted: false,
    name: [p.first_name, p.middle_name, p.last_name]
      .filter((part) => part !== undefined && part !== '')
      .join(' '),
    first_name: p.first_name,
    last_name: p.last_name,
    phones: p.phones,
    emails: p.emails,
    profile_url: PROFILE_URL + friend.guid,
    timestamp_created: friend.timestamp_created,
    timestamp_lastupdate: friend.timestamp_lastupdate,
  };
  if (p.middle_name !== undefined) wire.middle_name = p.middle_name;
  if (p.nickname !== undefined) wire.nickname = p.nickname;
  if (p.birthday !== undefined) wire.birthday = p.birthday;
  if (p.work !== undefined) wire.work = p.work;
  if (friend.pictureId !== undefined) {
    wire.picture = { id: friend.pictureId, media_type: mediaTypeOf(friend.pictureId) };
  }
  return wire;
}
