import { ACTIVITY_HANDLER, type Activity, parseActivity } from '../protocol/activities';
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
  /** Activities for an app whose page does not listen yet (it is loading). */
  readonly #waiting = new Map<string, Activity[]>();
  /** Apps whose current page listens for activities. */
  readonly #listening = new Set<string>();
  readonly #notice = h('p', {
    class: 'shell-notice',
    attrs: { role: 'status', 'aria-live': 'polite', 'data-testid': 'shell-notice' },
  });
  #noticeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly screen: HTMLElement,
    private readonly home: HTMLElement,
    private readonly engines: ReadonlyMap<string, EngineProcess>,
    /** Told which app opened, or `undefined` and the app just left for the home screen. */
    private readonly onOpen: (app: InstalledApp | undefined, left?: string) => void,
  ) {
    window.addEventListener('message', (event) => this.#onMessage(event));
    this.#notice.hidden = true;
    this.screen.appendChild(this.#notice);
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
      if (type === 'gcds:activity') {
        // Only the app on screen starts an activity: a hidden frame cannot pull the user elsewhere.
        const activity = parseActivity((event.data as { activity?: unknown }).activity);
        if (activity !== undefined && this.#active === appId) this.#start(activity);
        return;
      }
      if (type === 'gcds:activities-ready') {
        this.#listening.add(appId);
        this.#deliver(appId);
        return;
      }
      if (type !== 'gcds:ready') return;
      // A (re)loaded page listens again only once it says so.
      this.#listening.delete(appId);
      const engine = this.engines.get(appId);
      if (engine === undefined) return;
      const port = engine.appPort();
      frame.contentWindow?.postMessage({ type: 'gcds:connect' }, '*', [port]);
      return;
    }
  }

  #start(activity: Activity): void {
    const handler = ACTIVITY_HANDLER[activity.name];
    if (handler === 'shell') {
      // The simulated phone has no mail app: say what a phone would do.
      this.#say(`Would open mail to ${activity.value}`);
      return;
    }
    this.#waiting.set(handler, [...(this.#waiting.get(handler) ?? []), activity]);
    this.open(handler);
    this.#deliver(handler);
  }

  #deliver(appId: string): void {
    const window = this.#frames.get(appId)?.contentWindow;
    if (!this.#listening.has(appId) || window === null || window === undefined) return;
    for (const activity of this.#waiting.get(appId) ?? []) {
      window.postMessage({ type: 'gcds:activity', activity }, '*');
    }
    this.#waiting.delete(appId);
  }

  #say(message: string): void {
    this.#notice.textContent = message;
    this.#notice.hidden = false;
    clearTimeout(this.#noticeTimer);
    this.#noticeTimer = setTimeout(() => {
      this.#notice.hidden = true;
    }, 4000);
  }
}
