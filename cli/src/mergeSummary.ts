import type { MergeReason, SourceRef } from '@gcds/shared';
import type { CardOrigin } from './fileAddressBook';
import type { MergeJson, MergeJsonError } from './mergedPeopleJson';

export interface SummaryInput {
  json: MergeJson;
  /** Not in the JSON contract: cards imported with something left out or guessed. */
  warnings: readonly MergeJsonError[];
  /** The GCDS's reasons per person id: why its sources are together. */
  reasons: ReadonlyMap<string, readonly MergeReason[]>;
  cardCount: number;
  fileCount: number;
  originOf: (source: SourceRef) => CardOrigin | undefined;
}

function cardName(origin: CardOrigin | undefined): string {
  return origin === undefined ? 'a card' : `${origin.file} #${origin.index}`;
}

/** What matched, as a person reads it: `phone:+1415…` → `phone +1415…`. */
function keysText(reason: MergeReason): string {
  if (reason.kind === 'user') return 'merged by hand';
  return reason.keys.map((key) => key.replace(':', ' ')).join(', ');
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The readable report of `gcds merge`: totals, every person, every merge with its reasons, every error and warning. */
export function mergeSummary(input: SummaryInput): string {
  const { json } = input;
  const merged = json.contacts.filter((contact) => contact.sources.length > 1);
  const lines: string[] = [];
  lines.push(
    `${plural(input.fileCount, 'file')}, ${plural(input.cardCount, 'card')} → ${plural(json.contacts.length, 'person', 'people')}` +
      ` (${plural(merged.length, 'merge')}), ${plural(json.errors.length, 'error')}` +
      (input.warnings.length > 0 ? `, ${plural(input.warnings.length, 'warning')}` : ''),
  );
  lines.push('', 'People');
  for (const contact of json.contacts) {
    const details = [...contact.tel, ...contact.email].join(', ');
    const sources = contact.sources.length > 1 ? `  [${contact.sources.length} cards]` : '';
    lines.push(`  ${contact.name || '(no name)'}${details ? `  ${details}` : ''}${sources}`);
  }
  if (merged.length > 0) {
    lines.push('', 'Merges');
    for (const contact of merged) {
      lines.push(`  ${contact.name || '(no name)'}`);
      for (const reason of input.reasons.get(contact.id) ?? []) {
        lines.push(
          `    ${cardName(input.originOf(reason.a))} + ${cardName(input.originOf(reason.b))}: ${keysText(reason)}`,
        );
      }
    }
  }
  if (json.errors.length > 0) {
    lines.push('', 'Errors');
    for (const error of json.errors) lines.push(`  ${error.file}:${error.line}: ${error.message}`);
  }
  if (input.warnings.length > 0) {
    lines.push('', 'Warnings');
    for (const warning of input.warnings) lines.push(`  ${warning.file}:${warning.line}: ${warning.message}`);
  }
  return `${lines.join('\n')}\n`;
}
