import type { ConflictStrategy } from './types';

/** One side of a conflict: a version of the card, or a delete. `changedAt` is ms since the epoch, if known. */
export type ConflictSide = { deleted: false; changedAt?: number } | { deleted: true; changedAt?: number };

export interface ConflictInput {
  strategy: ConflictStrategy;
  /** The server's side: its card (changedAt = its REV) or its delete (no REV: a delete carries none). */
  server: ConflictSide;
  /** This phone's side: its record (changedAt = local modification time) or its tombstone (when deleted). */
  client: ConflictSide;
}

/**
 * appSync's three strategies. Server priority keeps the server's side; client priority keeps ours (the
 * upload then overwrites the server); timestamp priority keeps the later change, where a side without a
 * time (a card without REV, a server delete) loses, and a tie or two unknown times go to the server.
 */
export function conflictWinner(input: ConflictInput): 'server' | 'client' {
  switch (input.strategy) {
    case 'server':
      return 'server';
    case 'client':
      return 'client';
    case 'timestamp': {
      const server = input.server.changedAt;
      const client = input.client.changedAt;
      if (server === undefined) return client === undefined ? 'server' : 'client';
      if (client === undefined) return 'server';
      return client > server ? 'client' : 'server';
    }
  }
}

/** How many times client priority re-PUTs against a newer ETag before it reports the conflict instead. */
export const MAX_CLIENT_RETRIES = 2;
