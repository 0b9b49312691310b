/** A query's `limit`: a positive whole number, else a RangeError that says what was given. */
export function checkQueryLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`a limit is a positive whole number, got ${limit}`);
}
