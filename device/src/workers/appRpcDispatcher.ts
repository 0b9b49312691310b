import {
  type AppMethodSpec,
  type AppMethodTable,
  type AppRpcReply,
  type AppRpcRequest,
  isPlainData,
} from '../protocol/appRpc';

interface Subscribable {
  subscribe?: (onChange: () => void) => void;
}

/**
 * Serves an app API to an untrusted app frame on `port`. Only a request of this file's own shape is
 * read: a call names one own method of the frozen allow-list `table` (no path, no property reads or
 * writes, no constructors, no new endpoints), its arguments must pass the table's checks and are cloned
 * before the method sees them, and what goes back must be plain data. The app never hands the engine a
 * function: progress and change events are messages the engine sends on the same port.
 */
export function serveAppApi<Api extends object>(
  port: MessagePort,
  api: Api,
  table: AppMethodTable<Api>,
): void {
  const post = (reply: AppRpcReply) => port.postMessage(reply);
  port.addEventListener('message', (event: MessageEvent) => {
    const request = parseRequest(event.data, table);
    if (typeof request === 'string') {
      post({ kind: 'refused', id: idOf(event.data), message: request });
      return;
    }
    if (request.kind === 'subscribe') {
      const subscribe = ownFunction(api, 'subscribe') as Subscribable['subscribe'];
      if (subscribe === undefined) {
        post({ kind: 'refused', id: request.id, message: 'this app has no change subscription' });
        return;
      }
      subscribe.call(api, () => post({ kind: 'event', id: request.id }));
      return;
    }
    void call(api, table[request.method as keyof AppMethodTable<Api>], request, post);
  });
  port.start();
}

async function call(
  api: object,
  spec: AppMethodSpec,
  request: Extract<AppRpcRequest, { kind: 'call' }>,
  post: (reply: AppRpcReply) => void,
): Promise<void> {
  const method = ownFunction(api, request.method);
  if (method === undefined) {
    post({ kind: 'refused', id: request.id, message: `no method "${request.method}"` });
    return;
  }
  let pending = true;
  const args: unknown[] = structuredClone(request.args);
  if (spec.progress === true) {
    args.length = spec.args.length;
    args.push((value: unknown) => {
      if (pending && isPlainData(value))
        post({ kind: 'progress', id: request.id, value: structuredClone(value) });
    });
  }
  try {
    const value: unknown = await Reflect.apply(method, api, args);
    if (!isPlainData(value))
      throw new Error(`${request.method} answered with something that is not plain data`);
    post({ kind: 'result', id: request.id, value });
  } catch (error) {
    post({ kind: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) });
  } finally {
    pending = false;
  }
}

/** A request of the allow-list, or why the message is refused. */
function parseRequest<Api>(data: unknown, table: AppMethodTable<Api>): AppRpcRequest | string {
  if (typeof data !== 'object' || data === null) return 'not a request';
  const { kind, id } = data as Record<string, unknown>;
  if (!Number.isSafeInteger(id)) return 'a request needs a numeric id';
  if (kind === 'subscribe') return { kind, id: id as number };
  if (kind !== 'call') return 'only calls and subscriptions are served';
  const { method, args } = data as Record<string, unknown>;
  if (typeof method !== 'string' || !Object.hasOwn(table, method)) return `no method "${String(method)}"`;
  const spec = table[method as keyof AppMethodTable<Api>] as AppMethodSpec;
  if (!Array.isArray(args)) return 'arguments must be a list';
  if (args.length > spec.args.length) return `${method} takes at most ${spec.args.length} arguments`;
  for (const [i, check] of spec.args.entries()) {
    if (!check(args[i])) return `argument ${i + 1} of ${method} is not accepted`;
  }
  return { kind, id: id as number, method, args };
}

function ownFunction(api: object, name: string): ((...args: unknown[]) => unknown) | undefined {
  if (!Object.hasOwn(api, name)) return undefined;
  const value = (api as Record<string, unknown>)[name];
  return typeof value === 'function' ? (value as (...args: unknown[]) => unknown) : undefined;
}

function idOf(data: unknown): number | null {
  const id = (data as { id?: unknown } | null)?.id;
  return Number.isSafeInteger(id) ? (id as number) : null;
}
