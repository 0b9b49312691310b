import { FacebookApiError } from './facebookErrors';

/*
 * An opaque continuation token, as REST APIs hand out. It carries the counter the previous page covered
 * (its `upTo`): the next page is "changes after it", which stays gap-free and duplicate-free however the
 * server changes between pages (see FacebookServer.syncToClient).
 */

const PREFIX = 'fbsync1.';

export function encodePageToken(after: number): string {
  return PREFIX + btoa(JSON.stringify({ after }));
}

/** The position a token names; a 400 error for anything this server did not issue. */
export function decodePageToken(token: string): number {
  let after: unknown;
  try {
    if (!token.startsWith(PREFIX)) throw new Error('prefix');
    after = (JSON.parse(atob(token.slice(PREFIX.length))) as { after?: unknown }).after;
  } catch {
    throw new FacebookApiError(400, `"${token.slice(0, 40)}" is not a page token of this server`, {
      code: 'invalid_page_token',
    });
  }
  if (typeof after !== 'number' || !Number.isSafeInteger(after) || after < 0) {
    throw new FacebookApiError(400, 'the page token names no valid position', { code: 'invalid_page_token' });
  }
  return after;
}
