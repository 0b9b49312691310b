/**
 * One problem with one field, named by its path in the contact (`tel[0].value`, `bday.month`). Problems
 * with the contact itself come from the shared `validateContact` and carry its `code`; the provider's
 * own (an id already taken, a photo not stored) have a message only.
 */
export interface ContactFieldError {
  field: string;
  code?: string;
  message: string;
}

/** A write refused because the contact is not valid. Nothing was written. */
export class ContactValidationError extends Error {
  override readonly name = 'ContactValidationError';
  readonly errors: readonly ContactFieldError[];

  constructor(errors: readonly ContactFieldError[]) {
    super(
      `invalid contact: ${errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; ')}`,
    );
    this.errors = errors;
  }
}

/** The id names no contact of this provider. */
export class ContactNotFoundError extends Error {
  override readonly name = 'ContactNotFoundError';
  constructor(readonly contactId: string) {
    super(`no local contact with id "${contactId}"`);
  }
}
