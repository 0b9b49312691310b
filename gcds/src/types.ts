import type { AccessLevel, SourceRef, StatusError } from '@gcds/shared';

/** One phone of a source, as the matcher compares it. */
export interface SourcePhone {
  /** E.164 when the number parses, else the digits as typed (`raw:` prefix keeps the two apart). */
  key: string;
  /** Lookup keys in the phone index: the exact key and, for numbers of 7+ digits, a suffix key. */
  indexKeys: string[];
  isShortCode: boolean;
  types: string[];
}

/** One reading of a person's name, folded, each part in written order. */
export interface PersonName {
  /** Given and middle names (initials as one letter). */
  given: string[];
  family: string[];
}

/** What the GCDS keeps of a provider record: identity, person, and match keys. Never the data itself. */
export interface SourceRecord extends SourceRef {
  /** `provider \u001f contactId`: stable source identity. */
  key: string;
  accessLevel: AccessLevel;
  /** Provider revision of the record's last change. */
  revision: number;
  personId: string;
  /** The person id this source founded or was promised when it first arrived; unmerge gives it back. */
  originPersonId: string;
  /** Folded, order-independent name keys (nicknames canonicalised); empty when the record has no name. */
  nameKeys: string[];
  /** Jr., Sr., II… folded: father and son never merge on their own. */
  nameSuffix: string;
  /**
   * The name's readings as given and family words: one for a structured name, the plausible splits of
   * a formatted one. Empty for a company card or a record without a name.
   */
  names: PersonName[];
  /** The company a company card (an organisation, no person's name) stands for, folded; else empty. */
  company: string;
  /** The organisation, folded (empty when none): same name and employer is worth a suggestion. */
  org: string;
  /** A human-readable name for explanations and the CLI. */
  displayName: string;
  phones: SourcePhone[];
  /** Flattened phone index keys (for the multiEntry index). */
  phoneKeys: string[];
  /** Case-folded, trimmed emails. */
  emails: string[];
}

/**
 * `hidden` is about one source, not a pair: the user hid the person it is part of (its members are that
 * source's key twice, so the `byMember` index finds it like any other decision).
 */
export type DecisionKind = 'together' | 'separate' | 'dismissed' | 'hidden';

/** A user decision about two sources (or one, when hidden), keyed by stable identities, never row ids. */
export interface Decision {
  /** The two source keys, sorted and joined by `decisionKey`. */
  key: string;
  members: [string, string];
  kind: DecisionKind;
  at: number;
  /**
   * On a keep-together: the source key (one of the two) whose name the user chose for the merged
   * person. The latest such choice among a person's ties names it; an unmerge, replacing the ties with
   * keep-separates, drops the choice with them.
   */
  nameFrom?: string;
}

/** How far the GCDS has synced one provider store. */
export interface ProviderCursor {
  provider: string;
  epoch: string;
  revision: number;
  /**
   * What the stored sources' match keys were computed with (`MATCH_KEYS_VERSION/region`). Absent in
   * cursors written before keys were versioned; any other value than the current one replays the provider.
   */
  keys?: string;
}

export interface DuplicateSuggestion {
  personId: string;
  score: number;
  /** What makes them look alike, e.g. `name~:jon smith`, `phone:+14155550100`. */
  reasons: string[];
}

export interface GcdsStatus {
  state: 'idle' | 'syncing' | 'stopped';
  revision: number;
  providers: Array<{ provider: string; revision: number; epoch: string }>;
  /** The last job's error, cleared by the next job that succeeds. */
  lastError?: StatusError | undefined;
  transactions: number;
  /** Provider records the GCDS holds now (what its people point to), for progress an app can show. */
  sources: number;
}

/** A person the user hid, for the list where they can show it again. */
export interface HiddenPerson {
  personId: string;
  /** The primary source's name, as the GCDS keeps it for explanations. */
  displayName: string;
  sources: SourceRef[];
}
