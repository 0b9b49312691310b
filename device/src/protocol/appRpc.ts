/**
 * The wire between an app's sandboxed frame and its engine: the app's only door to any data. The app
 * is untrusted, so this is not comlink (which follows any property path, constructors included, and
 * answers GET, SET, CONSTRUCT and ENDPOINT): the app may call one own method of a frozen allow-list by
 * name, with arguments the list validates, and get plain data back; the only callbacks are an explicit
 * change subscription and the progress of the one call that asked for it.
 */

/** What an app may send its engine. */
export type AppRpcRequest =
  | { kind: 'call'; id: number; method: string; args: unknown[] }
  /** Asks for an `event` with this id after every change to what the app shows. */
  | { kind: 'subscribe'; id: number };

/** What an engine answers. */
export type AppRpcReply =
  | { kind: 'result'; id: number; value: unknown }
  | { kind: 'error'; id: number; message: string }
  /** Progress of the pending call `id` (only for methods declared with `progress`). */
  | { kind: 'progress'; id: number; value: unknown }
  | { kind: 'event'; id: number }
  /** A message that is not a request of the allow-list: nothing was run. */
  | { kind: 'refused'; id: number | null; message: string };

/** Checks one argument of a call, as it arrived (already a structured clone). */
export type ArgCheck = (value: unknown) => boolean;

export interface AppMethodSpec {
  /** One check per parameter; a call with more arguments than checks is refused. */
  readonly args: readonly ArgCheck[];
  /** The method's last parameter is a progress callback the engine makes itself; the app never sends one. */
  readonly progress?: boolean;
}

/** Every method of an app API but `subscribe` (which has its own message), each with its argument checks. */
export type AppMethodTable<Api> = { readonly [K in Exclude<keyof Api, 'subscribe'>]: AppMethodSpec };

/** The app's view of its engine: every method asynchronous, as over any port. */
export type EngineRemote<Api> = {
  readonly [K in keyof Api]: Api[K] extends (...args: infer A) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : never;
};

/** A frozen allow-list with no prototype: `constructor`, `__proto__` and `toString` are not in it. */
export function methodTable<Api>(table: AppMethodTable<Api>): AppMethodTable<Api> {
  return Object.freeze(Object.assign(Object.create(null), table)) as AppMethodTable<Api>;
}

const MAX_TEXT = 1_000_000;
const MAX_BYTES = 64 * 1024 * 1024;

export const isText: ArgCheck = (value) => typeof value === 'string' && value.length <= MAX_TEXT;
export const isCount: ArgCheck = (value) => Number.isSafeInteger(value) && (value as number) >= 0;
export const isBytes: ArgCheck = (value) => value instanceof Uint8Array && value.byteLength <= MAX_BYTES;
/** A picked file: bytes, or the Blob itself (it crosses by reference and is read where it is imported). */
export const isBytesOrBlob: ArgCheck = (value) =>
  isBytes(value) || (typeof Blob !== 'undefined' && value instanceof Blob);
export const isTextList: ArgCheck = (value) =>
  Array.isArray(value) && value.length <= 10_000 && value.every(isText);
/** Lists of text (groups of person ids), no more than 10,000 texts in all. */
export const isTextListList: ArgCheck = (value) =>
  Array.isArray(value) &&
  value.every(isTextList) &&
  value.reduce((total: number, list: unknown[]) => total + list.length, 0) <= 10_000;
/** A JSON-like record (a contact draft): plain objects, arrays, text, numbers, booleans, null, bytes. */
export const isPlainRecord: ArgCheck = (value) =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && isPlainData(value);

export function optional(check: ArgCheck): ArgCheck {
  return (value) => value === undefined || check(value);
}

export function oneOf(...values: readonly string[]): ArgCheck {
  return (value) => typeof value === 'string' && values.includes(value);
}

/** Data with no behaviour: what may cross the boundary either way. */
export function isPlainData(value: unknown, depth = 0): boolean {
  if (depth > 32) return false;
  if (value === null || value === undefined) return true;
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return true;
    case 'object':
      break;
    default:
      return false;
  }
  if (value instanceof Uint8Array) return true;
  if (Array.isArray(value)) return value.every((item) => isPlainData(item, depth + 1));
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  return Object.values(value).every((item) => isPlainData(item, depth + 1));
}
