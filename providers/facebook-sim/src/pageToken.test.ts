import { describe, expect, it } from 'vitest';
import { FacebookApiError } from './facebookErrors';
import { decodePageToken, encodePageToken } from './pageToken';

describe('page tokens', () => {
  it('round-trip a position', () => {
    for (const after of [0, 1, 12_345, Number.MAX_SAFE_INTEGER])
      expect(decodePageToken(encodePageToken(after))).toBe(after);
  });

  it('answer 400 for tokens this server did not issue', () => {
    for (const token of [
      '',
      'garbage',
      'fbsync1.%%%',
      `fbsync1.${btoa('{"after":-3}')}`,
      `fbsync1.${btoa('{"x":1}')}`,
    ]) {
      let error: unknown;
      try {
        decodePageToken(token);
      } catch (caught) {
        error = caught;
      }
      expect(error, token).toBeInstanceOf(FacebookApiError);
      expect((error as FacebookApiError).status).toBe(400);
      expect((error as FacebookApiError).retryable).toBe(false);
    }
  });
});
