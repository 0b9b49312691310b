/** Every name a new provider needs, derived from the one the author typed. */
export interface ProviderNames {
  /** The provider id, store owner and folder name: `my-crm`. */
  id: string;
  /** `@gcds/provider-my-crm` */
  packageName: string;
  /** Relative to the repository root: `providers/my-crm`. */
  folder: string;
  /** `myCrm`, for file and variable names. */
  camel: string;
  /** `MyCrm`, for type names. */
  pascal: string;
  /** `MY_CRM`, for constant names. */
  constant: string;
  /** `My Crm`, the manifest's display name until the author picks a better one. */
  displayName: string;
}

/** The name cannot be used; the message says why and what would do. */
export class ProviderNameError extends Error {
  override readonly name = 'ProviderNameError';
}

const MAX_LENGTH = 32;
/** The same rule defineProvider applies to ids, without leading, trailing or doubled dashes. */
const NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
/** App ids the platform itself uses: a provider with one of them could not be installed beside it. */
const RESERVED = new Set([
  'gcds',
  'shared',
  'shell',
  'system',
  'platform',
  'contacts',
  'dialer',
  'messaging',
]);

/** Checks a provider name and derives the others; throws ProviderNameError with a clear reason. */
export function providerNames(raw: string): ProviderNames {
  const id = typeof raw === 'string' ? raw.trim() : '';
  if (id === '')
    throw new ProviderNameError('give the provider a name, e.g. `npm run new-provider -- my-crm`');
  if (id.startsWith('provider-')) {
    throw new ProviderNameError(
      `"${id}": leave out the "provider-" prefix (the package is named @gcds/provider-<name> for you)`,
    );
  }
  if (!NAME.test(id)) {
    throw new ProviderNameError(
      `"${id}" is not a valid provider name: use lower-case letters, digits and single dashes, ` +
        'starting with a letter (e.g. my-crm)',
    );
  }
  if (id.length > MAX_LENGTH) {
    throw new ProviderNameError(`"${id}" is too long: at most ${MAX_LENGTH} characters`);
  }
  if (RESERVED.has(id)) throw new ProviderNameError(`"${id}" is reserved: the platform uses it as an app id`);
  const words = id.split('-');
  const capitalised = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  return {
    id,
    packageName: `@gcds/provider-${id}`,
    folder: `providers/${id}`,
    camel: (words[0] ?? '') + capitalised.slice(1).join(''),
    pascal: capitalised.join(''),
    constant: words.join('_').toUpperCase(),
    displayName: capitalised.join(' '),
  };
}
