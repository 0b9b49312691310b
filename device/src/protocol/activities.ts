/**
 * Activities: one app asking the shell to hand a number or an address to another app, as Gaia's Web
 * Activities did ("dial", "new", "pick"). The shell checks every request, opens the app that handles it,
 * and delivers the request there; no app reaches another app's frame or engine.
 */

export type ActivityName = 'dial' | 'message' | 'mail' | 'new-contact' | 'add-to-contact';

export interface Activity {
  name: ActivityName;
  /** A phone number for all but `mail`, whose value is an email address. */
  value: string;
}

/** Which app handles an activity; `shell` for mail, which the phone has no app for. */
export const ACTIVITY_HANDLER: Readonly<Record<ActivityName, 'phone' | 'messages' | 'contacts' | 'shell'>> = {
  dial: 'phone',
  message: 'messages',
  mail: 'shell',
  'new-contact': 'contacts',
  'add-to-contact': 'contacts',
};

const NAMES = Object.keys(ACTIVITY_HANDLER) as ActivityName[];
const NUMBER = /^[\d\s+().\-*#]{1,40}$/u;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}$/u;

/** An activity as posted by a frame, or undefined when it is not one the shell accepts. */
export function parseActivity(data: unknown): Activity | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { name, value } = data as { name?: unknown; value?: unknown };
  if (typeof name !== 'string' || !NAMES.includes(name as ActivityName)) return undefined;
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  const valid = name === 'mail' ? EMAIL.test(trimmed) : NUMBER.test(trimmed) && /\d/.test(trimmed);
  return valid ? { name: name as ActivityName, value: trimmed } : undefined;
}
