import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';

interface AttachedToTarget {
  sessionId: string;
  targetInfo: { type: string; title: string; url: string };
}

interface ReceivedFromTarget {
  sessionId: string;
  message: string;
}

/**
 * CPU profiles of the page's dedicated workers (providers, the GCDS, the engines) and of its frames
 * that run in a process of their own (the sandboxed apps' frames), through the page's
 * own CDP session: Playwright hands out sessions for pages and frames only, so each worker is reached
 * with the older nested protocol (`Target.sendMessageToTarget`), which needs no second connection.
 * Workers started after `start` (a reload's) are profiled from their first message on.
 */
export class WorkerProfiler {
  readonly #workers = new Map<string, string>();
  readonly #pending = new Map<number, (result: unknown) => void>();
  #nextId = 1;

  constructor(private readonly session: CDPSession) {}

  async start(): Promise<void> {
    this.session.on('Target.attachedToTarget', (event: AttachedToTarget) => {
      if (event.targetInfo.type !== 'worker' && event.targetInfo.type !== 'iframe') return;
      const name =
        event.targetInfo.type === 'iframe'
          ? `frame-${event.targetInfo.url.split('/').at(-2)}`
          : event.targetInfo.title;
      this.#workers.set(event.sessionId, name || event.targetInfo.url);
      void this.#send(event.sessionId, 'Profiler.enable')
        .then(() => this.#send(event.sessionId, 'Profiler.start'))
        .catch(() => this.#workers.delete(event.sessionId));
    });
    this.session.on('Target.detachedFromTarget', (event: { sessionId: string }) => {
      this.#workers.delete(event.sessionId);
    });
    this.session.on('Target.receivedMessageFromTarget', (event: ReceivedFromTarget) => {
      const reply = JSON.parse(event.message) as { id?: number; result?: unknown };
      if (reply.id === undefined) return;
      this.#pending.get(reply.id)?.(reply.result);
      this.#pending.delete(reply.id);
    });
    await this.session.send('Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: false,
      flatten: false,
    });
  }

  /** Stops every live worker's profile and writes each to `dir`, named after the worker. */
  async stop(dir: string, prefix: string): Promise<string[]> {
    const files: string[] = [];
    for (const [sessionId, name] of this.#workers) {
      const result = (await this.#send(sessionId, 'Profiler.stop')) as { profile?: unknown } | undefined;
      if (result?.profile === undefined) continue;
      const file = join(dir, `${prefix}-${name.replace(/[^\w-]+/g, '_')}-${Date.now()}.cpuprofile`);
      await writeFile(file, JSON.stringify(result.profile));
      files.push(file);
    }
    return files;
  }

  #send(sessionId: string, method: string): Promise<unknown> {
    const id = this.#nextId++;
    const answered = new Promise<unknown>((resolve) => this.#pending.set(id, resolve));
    const message = JSON.stringify({ id, method, params: {} });
    return this.session.send('Target.sendMessageToTarget', { sessionId, message }).then(() => answered);
  }
}
