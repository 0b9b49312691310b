import type { SourceRef } from '@gcds/shared';
import { isBuiltinProvider, PROVIDER_NAMES } from '../../protocol/deviceConfig';

/** A source's provider as the user knows it: the engine's names (accounts) first, else the built-in ones. */
export function sourceName(source: SourceRef, names: Readonly<Record<string, string>> = {}): string {
  const provider = source.provider;
  return names[provider] ?? (isBuiltinProvider(provider) ? PROVIDER_NAMES[provider] : provider);
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
