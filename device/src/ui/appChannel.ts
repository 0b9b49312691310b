import type { EngineRemote } from '../protocol/appRpc';
import { appRpcClient } from './appRpcClient';

/**
 * The app side of the handshake: tell the parent (the shell) we are ready, and take the one port it
 * sends back, a port to this app's own engine. Messages from any other window are ignored.
 */
export function connectToEngine<T>(): Promise<EngineRemote<T>> {
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if (event.source !== window.parent) return;
      const port = event.ports[0];
      if ((event.data as { type?: unknown } | null)?.type !== 'gcds:connect' || port === undefined) return;
      window.removeEventListener('message', onMessage);
      document.body.dataset.connected = 'true';
      resolve(appRpcClient<T>(port));
    };
    window.addEventListener('message', onMessage);
    window.parent.postMessage({ type: 'gcds:ready' }, '*');
  });
}

/** Whether this page can reach the device's storage (it must not: apps run with an opaque origin). */
export function storageIsolation(): string {
  try {
    indexedDB.open('probe');
    return 'IndexedDB reachable';
  } catch (error) {
    return `IndexedDB blocked (${error instanceof Error ? error.name : 'error'})`;
  }
}
