/** Thrown inside one card's parse; the file parser turns it into a VcardParseError and goes on. */
export class CardParseError extends Error {
  override readonly name = 'CardParseError';

  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}
