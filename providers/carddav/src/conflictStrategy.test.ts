import { describe, expect, it } from 'vitest';
import { conflictWinner } from './conflictStrategy';

const edit = (changedAt?: number) => ({
  deleted: false as const,
  ...(changedAt === undefined ? {} : { changedAt }),
});

describe('conflict strategies', () => {
  it('server and client priority ignore the times', () => {
    expect(conflictWinner({ strategy: 'server', server: edit(1), client: edit(2) })).toBe('server');
    expect(conflictWinner({ strategy: 'client', server: edit(2), client: edit(1) })).toBe('client');
  });

  it('timestamp priority keeps the later change; a missing REV loses; a tie goes to the server', () => {
    expect(conflictWinner({ strategy: 'timestamp', server: edit(10), client: edit(20) })).toBe('client');
    expect(conflictWinner({ strategy: 'timestamp', server: edit(20), client: edit(10) })).toBe('server');
    expect(conflictWinner({ strategy: 'timestamp', server: edit(), client: edit(10) })).toBe('client');
    expect(conflictWinner({ strategy: 'timestamp', server: edit(10), client: edit() })).toBe('server');
    expect(conflictWinner({ strategy: 'timestamp', server: edit(10), client: edit(10) })).toBe('server');
    expect(conflictWinner({ strategy: 'timestamp', server: edit(), client: edit() })).toBe('server');
  });

  it('timestamp priority: a server delete has no time and loses to an edit; a local delete has its own time', () => {
    expect(conflictWinner({ strategy: 'timestamp', server: { deleted: true }, client: edit(1) })).toBe(
      'client',
    );
    expect(
      conflictWinner({ strategy: 'timestamp', server: edit(5), client: { deleted: true, changedAt: 9 } }),
    ).toBe('client');
    expect(
      conflictWinner({ strategy: 'timestamp', server: edit(9), client: { deleted: true, changedAt: 5 } }),
    ).toBe('server');
  });
});
