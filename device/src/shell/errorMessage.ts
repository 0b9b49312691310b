/** What an error says, for the event log and the panel: its message, or the thrown value as text. */
export function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
