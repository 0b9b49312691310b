import { APPS, type InstalledApp } from '../protocol/deviceConfig';
import { h } from '../ui/dom';
import type { EngineProcess } from './processes';

/**
 * The apps' frames. Each app page runs in `sandbox="allow-scripts allow-forms allow-downloads"` without
 * allow-same-origin: an opaque origin, so it cannot open the device's IndexedDB, storage or cookies.
 * When its script is ready it asks its parent for a port, and gets a MessagePort to its own engine's
 * app API and nothing else.
 */
export class AppFrames {
  readonly #frames = new Map<string, HTMLIFrameElement>();
  #active: string | undefined;

  constructor(
    private readonly screen: HTMLElement,
    private readonly home: HTMLElement,
    private readonly engines: ReadonlyMap<string, EngineProcess>,
    /** Told which app opened, or `undefined` and the app just left for the home screen. */
    private readonly onOpen: (app: InstalledApp | undefined, left?: string) => void,
  ) {
    window.addEventListener('message', (event) => this.#onMessage(event));
  }

  get active(): string | undefined {
    return this.#active;
  }

  open(appId: string): void {
    const manifest = APPS.find((app) => app.appId === appId);
    if (manifest === undefined) throw new Error(`no app ${appId}`);
    let frame = this.#frames.get(appId);
    if (frame === undefined) {
      frame = h('iframe', {
        class: 'app-frame',
        attrs: {
          src: `apps/${appId}/index.html`,
          sandbox: 'allow-scripts allow-forms allow-downloads',
          title: manifest.name,
          'data-app': appId,
        },
      });
      this.#frames.set(appId, frame);
      this.screen.appendChild(frame);
    }
    for (const [id, other] of this.#frames) other.hidden = id !== appId;
    this.home.hidden = true;
    this.#active = appId;
    frame.focus();
    this.onOpen(manifest);
  }

  goHome(): void {
    const left = this.#active;
    for (const frame of this.#frames.values()) frame.hidden = true;
    this.home.hidden = false;
    this.#active = undefined;
    this.onOpen(undefined, left);
  }

  #onMessage(event: MessageEvent): void {
    for (const [appId, frame] of this.#frames) {
      // Only the frame's own window may ask, and it gets only its own engine.
      if (event.source !== frame.contentWindow) continue;
      const type = (event.data as { type?: unknown } | null)?.type;
      if (type === 'gcds:home') {
        if (this.#active === appId) this.goHome();
        return;
      }
      if (type !== 'gcds:ready') return;
      const engine = this.engines.get(appId);
      if (engine === undefined) return;
      const port = engine.appPort();
      frame.contentWindow?.postMessage({ type: 'gcds:connect' }, '*', [port]);
      return;
    }
  }
}
