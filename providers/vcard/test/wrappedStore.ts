import { defineProvider, type ProviderContext, type ProviderDefinition } from '@gcds/shared';

type Store = ProviderContext['store'];

/** The same provider with some methods of its store replaced, to count or fail the writes it makes. */
export function withWrappedStore<Api>(
  definition: ProviderDefinition<Api>,
  wrap: (store: Store) => Partial<Store>,
): ProviderDefinition<Api> {
  return defineProvider({
    ...definition,
    start: (ctx) => definition.start({ ...ctx, store: { ...ctx.store, ...wrap(ctx.store) } }),
  });
}
