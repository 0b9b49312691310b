import type { SourceRef } from '@gcds/shared';
import { PROVIDER_NAMES } from '../../protocol/deviceConfig';

export function sourceName(source: SourceRef): string {
  return PROVIDER_NAMES[source.provider] ?? source.provider;
}

/** A GCDS reason key in words: `phone:+33199001234` → "same phone number (+33199001234)". */
export function reasonText(key: string): string {
  const at = key.indexOf(':');
  const kind = at < 0 ? key : key.slice(0, at);
  const value = at < 0 ? '' : key.slice(at + 1);
  const words: Record<string, string> = {
    phone: 'same phone number',
    email: 'same email',
    name: 'same name',
    'name~': 'similar name',
    company: 'same company',
    org: 'same employer',
  };
  const label = words[kind] ?? kind;
  return value === '' ? label : `${label} (${value.replace(/^[er]:/, '')})`;
}
