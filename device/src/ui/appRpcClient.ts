import type { AppRpcReply, AppRpcRequest, EngineRemote } from '../protocol/appRpc';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress?: (value: unknown) => void;
}

/**
 * The app side of the engine port: every method of `Api` as an asynchronous call by name. A function
 * passed last is the call's progress listener and stays here (the engine sends progress messages);
 * `subscribe(onChange)` asks the engine for change events. Nothing here is trusted by the engine, which
 * checks every request against its own allow-list.
 */
export function appRpcClient<Api>(port: MessagePort): EngineRemote<Api> {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const listeners = new Map<number, () => void>();
  port.addEventListener('message', (event: MessageEvent<AppRpcReply>) => {
    const reply = event.data;
    if (reply.kind === 'event') {
      listeners.get(reply.id)?.();
      return;
    }
    if (reply.id === null) return;
    const waiting = pending.get(reply.id);
    if (waiting === undefined) return;
    if (reply.kind === 'progress') {
      waiting.onProgress?.(reply.value);
      return;
    }
    pending.delete(reply.id);
    if (reply.kind === 'result') waiting.resolve(reply.value);
    else waiting.reject(new Error(reply.message));
  });
  port.start();
  const send = (request: AppRpcRequest) => port.postMessage(request);
  const methods = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  const methodFor = (name: string) => {
    let method = methods.get(name);
    if (method === undefined) {
      method = (...args: unknown[]) => {
        const id = nextId++;
        if (name === 'subscribe' && typeof args[0] === 'function') {
          listeners.set(id, args[0] as () => void);
          send({ kind: 'subscribe', id });
          return Promise.resolve(undefined);
        }
        const last = args.at(-1);
        const onProgress = typeof last === 'function' ? (last as (value: unknown) => void) : undefined;
        return new Promise((resolve, reject) => {
          pending.set(id, { resolve, reject, ...(onProgress === undefined ? {} : { onProgress }) });
          send({ kind: 'call', id, method: name, args: onProgress === undefined ? args : args.slice(0, -1) });
        });
      };
      methods.set(name, method);
    }
    return method;
  };
  return new Proxy(Object.create(null) as object, {
    // `then` is left out so that the client can be awaited and resolved like any object.
    get: (_target, name) => (typeof name === 'string' && name !== 'then' ? methodFor(name) : undefined),
  }) as EngineRemote<Api>;
}
