import type { CallKind } from '../../protocol/phoneApi';

/** How each kind of call is shown: its arrow and its word. */
export const CALL_KIND_TEXT: Readonly<Record<CallKind, { icon: string; words: string }>> = {
  incoming: { icon: '↙', words: 'Incoming' },
  outgoing: { icon: '↗', words: 'Outgoing' },
  missed: { icon: '↙', words: 'Missed' },
  declined: { icon: '⊘', words: 'Declined' },
};
