import type { SourceRef } from '@gcds/shared';
import { h } from '../../ui/dom';
import { sourceName } from './sourceNames';

/** The "from …" badge saying which source (and which others agreeing) a value came from. */
export function sourceBadge(
  names: Readonly<Record<string, string>>,
  source: SourceRef,
  alsoIn: readonly SourceRef[] = [],
): HTMLElement {
  const shown = [source, ...alsoIn].map((s) => sourceName(s, names));
  const unique = [...new Set(shown)];
  return h(
    'span',
    { class: `source-badge source-${source.provider}`, attrs: { 'data-source': source.provider } },
    `from ${unique.join(' + ')}`,
  );
}
