import { type Activity, type ActivityName, parseActivity } from '../protocol/activities';

/** Asks the shell to hand `value` to the app that handles `name` (it opens that app). */
export function startActivity(name: ActivityName, value: string): void {
  window.parent.postMessage({ type: 'gcds:activity', activity: { name, value } }, '*');
}

/**
 * Handles the activities the shell delivers to this app. Only the parent (the shell) may deliver one;
 * the shell holds them until this says it listens, so one sent while the app was loading is not lost.
 */
export function onActivity(handle: (activity: Activity) => void): void {
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent) return;
    const data = event.data as { type?: unknown; activity?: unknown } | null;
    if (data?.type !== 'gcds:activity') return;
    const activity = parseActivity(data.activity);
    if (activity !== undefined) handle(activity);
  });
  window.parent.postMessage({ type: 'gcds:activities-ready' }, '*');
}
