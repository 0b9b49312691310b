import { ContactValidationError } from '@gcds/provider-local';
import type { ContactDraft } from '@gcds/shared';
import type { ProviderSaveResult } from '../protocol/workerApis';

/** A provider's refusal as data the form can place next to its fields (validation), or above them. */
export function asSaveResult(error: unknown): ProviderSaveResult {
  if (error instanceof ContactValidationError) return { ok: false, errors: [...error.errors] };
  return {
    ok: false,
    errors: [{ field: '', message: error instanceof Error ? error.message : String(error) }],
  };
}

/** A new contact's draft: the id is the provider's to choose, never the app's. */
export function withoutIdOf(draft: ContactDraft): ContactDraft {
  const { id: _id, ...rest } = draft;
  return rest;
}
