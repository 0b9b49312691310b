import { describe, expect, it } from 'vitest';
import { FacebookApiError } from './facebookErrors';
import { decodePageToken, encodePageToken } from './pageToken';

describe('page tokens', () => {
  it('round-trip a position', () => {
    for (const after of [0, 1, 12_345, Number.MAX_SAFE_INTEGER]) {
      expect(decodePageToken(encodePageToken({ after, generation: 3 }))).toEqual({ after, generation: 3 });
    }
  });

  it('answer 400 for tokens this server did not issue', () => {
    for (const token of [
      '',
      'garbage',
      'fbsync2.%%%',
      `fbsync2.${btoa('{"a":-3,"g":0}')}`,
      `fbsync2.${btoa('{"a":1}')}`,
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
