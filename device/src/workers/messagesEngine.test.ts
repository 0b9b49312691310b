import { describe, expect, it } from 'vitest';
import { demoMessages, MAX_MESSAGE_LENGTH, outgoing } from './messagesEngine';

describe('outgoing messages', () => {
  it('sends one message per thread, the same number written twice being one thread', () => {
    const sent = outgoing(['06 12 34 56 78', '+33612345678', 'ana@example.com'], '  Hello  ', 'FR', 7);
    expect(sent.map((m) => [m.thread.id, m.text, m.direction, m.at])).toEqual([
      ['tel:+33612345678', 'Hello', 'out', 7],
      ['mailto:ana@example.com', 'Hello', 'out', 7],
    ]);
  });

  it('refuses an empty text, no recipient, a text too long, or an address that is neither', () => {
    expect(() => outgoing(['0612345678'], '   ', 'FR', 0)).toThrow('Write a message first: it is empty.');
    expect(() => outgoing([], 'Hi', 'FR', 0)).toThrow('Add at least one recipient.');
    expect(() => outgoing(['0612345678'], 'x'.repeat(MAX_MESSAGE_LENGTH + 1), 'FR', 0)).toThrow(
      /5001 characters long; at most 5000/,
    );
    expect(() => outgoing(['0612345678', 'Bob'], 'Hi', 'FR', 0)).toThrow(
      '“Bob” is neither a phone number nor an email address',
    );
  });
});

describe('demo messages', () => {
  it('go to their threads, placed back in time', () => {
    const now = 10_000_000;
    const [message] = demoMessages(
      [{ address: '+33612345678', direction: 'in', text: 'Hi', minutesAgo: 2 }],
      'FR',
      now,
    );
    expect(message).toEqual({
      thread: {
        id: 'tel:+33612345678',
        address: '+33612345678',
        displayAddress: '06 12 34 56 78',
        kind: 'phone',
      },
      direction: 'in',
      text: 'Hi',
      at: now - 120_000,
    });
  });
});
