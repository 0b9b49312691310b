import { FacebookApiError } from './facebookErrors';

/*
 * An opaque continuation token, as REST APIs hand out. It carries the counter the previous page covered
 * (its `upTo`): the next page is "changes after it", which stays gap-free and duplicate-free however the
 * server changes between pages (see FacebookServer.syncToClient). It also carries the server's purge
 * generation when the walk was valid, so a listing begun after a purge may go on below the purge horizon
 * while a walk that a purge overtook is sent to resync.
 */

const PREFIX = 'fbsync2.';

export interface PagePosition {
  after: number;
  generation: number;
}

export function encodePageToken(position: PagePosition): string {
  return PREFIX + btoa(JSON.stringify({ a: position.after, g: position.generation }));
}

/** The position a token names; a 400 error for anything this server did not issue. */
export function decodePageToken(token: string): PagePosition {
  let after: unknown;
  let generation: unknown;
  try {
    if (!token.startsWith(PREFIX)) throw new Error('prefix');
    ({ a: after, g: generation } = JSON.parse(atob(token.slice(PREFIX.length))) as {
      a?: unknown;
      g?: unknown;
    });
  } catch {
    throw new FacebookApiError(400, `"${token.slice(0, 40)}" is not a page token of this server`, {
      code: 'invalid_page_token',
    });
  }
  const counter = (value: unknown) => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
  if (!counter(after) || !counter(generation)) {
    throw new FacebookApiError(400, 'the page token names no valid position', { code: 'invalid_page_token' });
  }
  return { after: after as number, generation: generation as number };
}
