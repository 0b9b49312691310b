/**
 * Resolves on a later macrotask, so rendering, input and other work run between an import's batches.
 * (A resolved promise would not do: microtasks run before the event loop gets a turn.)
 */
export function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
