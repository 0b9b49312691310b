/**
 * What only the provider registry holds: a store owned with it is a provider's `contacts` store, the
 * kind the GCDS adopts. Not exported from the package, so an app that owns a store of the same name
 * (any app may own stores) makes nothing the GCDS will read.
 */
export const PROVIDER_GRANT: unique symbol = Symbol('provider grant');
export type ProviderGrant = typeof PROVIDER_GRANT;
