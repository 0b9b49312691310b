import { labelledAddressBook, passiveMergeOf, scoreMerge } from '@gcds/gcds/testing';
import type { RowSink } from '../rows';

/**
 * `merge_precision` and `merge_recall`: passive merge of the generated labelled address book (3,000
 * people in four exporters' styles, `@gcds/gcds/testing`), scored pairwise against its labels. The
 * book is the same at every n: the figures are of the rules, not of the size.
 */
export function measureMergeQuality(sink: RowSink): void {
  const cards = labelledAddressBook();
  const quality = scoreMerge(cards, passiveMergeOf(cards));
  sink.add('merge_precision', quality.precision, 'ratio');
  sink.add('merge_recall', quality.recall, 'ratio');
}
