import { sourceKey } from '@gcds/shared';
import { clusterSources } from '../clustering';
import { sourceMatchKeys } from '../matchKeys';
import { sharedIdentifiers } from '../sharedIdentifiers';
import type { SourceRecord } from '../types';
import {
  HARD_NEGATIVE_KINDS,
  type HardNegativeKind,
  type LabelledCard,
  VARIANT_CLASSES,
  type VariantClass,
} from './labelledAddressBook';

export interface ClassRecall {
  /** True pairs of the class. */
  pairs: number;
  /** Of those, pairs put in one person. */
  found: number;
  recall: number;
}

export interface HardNegativeCount {
  /** Pairs of different people who look alike in this way. */
  pairs: number;
  /** Of those, pairs wrongly put in one person. */
  merged: number;
}

/** Pairwise scores of a grouping against the labels. */
export interface MergeQuality {
  cards: number;
  people: number;
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
  precision: number;
  recall: number;
  f1: number;
  byClass: Record<VariantClass, ClassRecall>;
  hardNegatives: Record<HardNegativeKind, HardNegativeCount>;
}

function pairsOf(n: number): number {
  return (n * (n - 1)) / 2;
}

function countBy<K>(keys: Iterable<K>): Map<K, number> {
  const counts = new Map<K, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/**
 * Pairwise precision, recall and F1 of `groupOf` (the predicted person of each card) against the true
 * persons, recall per variant class, and the hard negatives merged by kind. Counted from the group
 * sizes, not pair by pair: linear in the cards but for the pairs inside each predicted person.
 */
export function scoreMerge(cards: readonly LabelledCard[], groupOf: readonly string[]): MergeQuality {
  if (groupOf.length !== cards.length) throw new Error('one predicted group per card');
  const truth = countBy(cards.map((card) => card.person));
  const predicted = countBy(groupOf);
  const cells = countBy(cards.map((card, i) => `${card.person}\u0000${groupOf[i]}`));
  const classOf = new Map(cards.map((card) => [card.person, card.variant]));
  const byClass = Object.fromEntries(
    VARIANT_CLASSES.map((name) => [name, { pairs: 0, found: 0, recall: 1 }]),
  ) as Record<VariantClass, ClassRecall>;
  let truePairs = 0;
  for (const [person, n] of truth) {
    truePairs += pairsOf(n);
    byClass[classOf.get(person)!].pairs += pairsOf(n);
  }
  let correctPairs = 0;
  for (const [cell, n] of cells) {
    correctPairs += pairsOf(n);
    byClass[classOf.get(cell.slice(0, cell.indexOf('\u0000')))!].found += pairsOf(n);
  }
  let predictedPairs = 0;
  for (const n of predicted.values()) predictedPairs += pairsOf(n);
  for (const counts of Object.values(byClass))
    counts.recall = counts.pairs === 0 ? 1 : counts.found / counts.pairs;

  const hardNegatives = Object.fromEntries(
    HARD_NEGATIVE_KINDS.map((kind) => [kind, { pairs: 0, merged: 0 }]),
  ) as Record<HardNegativeKind, HardNegativeCount>;
  const members = new Map<string, number[]>();
  cards.forEach((card, i) => {
    for (const group of card.lookAlikes) members.set(group, [...(members.get(group) ?? []), i]);
  });
  for (const [group, indexes] of members) {
    const kind = group.slice(0, group.indexOf(':')) as HardNegativeKind;
    for (let x = 0; x < indexes.length; x += 1) {
      for (let y = x + 1; y < indexes.length; y += 1) {
        const a = cards[indexes[x]!]!;
        const b = cards[indexes[y]!]!;
        if (a.person === b.person) continue;
        // A company card and its employees are their own kind; colleagues are employees among themselves.
        const companyPair = a.variant === 'company' || b.variant === 'company';
        if ((kind === 'companyEmployee') !== companyPair) continue;
        hardNegatives[kind].pairs += 1;
        if (groupOf[indexes[x]!] === groupOf[indexes[y]!]) hardNegatives[kind].merged += 1;
      }
    }
  }
  const precision = predictedPairs === 0 ? 1 : correctPairs / predictedPairs;
  const recall = truePairs === 0 ? 1 : correctPairs / truePairs;
  return {
    cards: cards.length,
    people: truth.size,
    truePairs,
    predictedPairs,
    correctPairs,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    byClass,
    hardNegatives,
  };
}

/**
 * The GCDS's passive merge of the whole book in memory, as on a first import: every card a source of
 * its exporter, match keys, the shared identifiers of the book, one clustering. Returns each card's
 * predicted person.
 */
export function passiveMergeOf(cards: readonly LabelledCard[], region = 'US'): string[] {
  const sources: SourceRecord[] = cards.map(({ exporter, contact }) => ({
    key: sourceKey({ provider: exporter, contactId: contact.id }),
    provider: exporter,
    contactId: contact.id,
    accessLevel: 'privileged',
    revision: 1,
    personId: '',
    originPersonId: contact.id,
    ...sourceMatchKeys(contact, region),
  }));
  const clusters = clusterSources(sources, [], sharedIdentifiers(sources));
  const groupOf = new Map<string, string>();
  clusters.forEach((cluster, i) => {
    for (const member of cluster.members) groupOf.set(member.key, String(i));
  });
  return sources.map((source) => groupOf.get(source.key)!);
}

function percent(value: number): string {
  return `${(value * 100).toFixed(2)} %`;
}

/** The scores as a plain-text table: overall, recall per class, hard negatives by kind. */
export function mergeQualityTable(quality: MergeQuality): string {
  const lines = [
    `${quality.cards} cards of ${quality.people} people: precision ${percent(quality.precision)}, recall ${percent(quality.recall)}, F1 ${quality.f1.toFixed(4)} (${quality.correctPairs} of ${quality.truePairs} true pairs, ${quality.predictedPairs - quality.correctPairs} wrong)`,
    'class            pairs   found   recall',
  ];
  for (const [name, counts] of Object.entries(quality.byClass)) {
    lines.push(
      `${name.padEnd(16)} ${String(counts.pairs).padStart(5)}   ${String(counts.found).padStart(5)}   ${percent(counts.recall).padStart(8)}`,
    );
  }
  lines.push('hard negative    pairs  merged');
  for (const [kind, counts] of Object.entries(quality.hardNegatives)) {
    lines.push(
      `${kind.padEnd(16)} ${String(counts.pairs).padStart(5)}   ${String(counts.merged).padStart(5)}`,
    );
  }
  return lines.join('\n');
}
