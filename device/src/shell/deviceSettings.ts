import { DEFAULT_DEMO_PEOPLE, DEFAULT_DEMO_SEED } from '../demo/demoBook';
import {
  BUILTIN_PROVIDER_IDS,
  type BuiltinProviderId,
  type DeviceConfig,
  isBuiltinProvider,
} from '../protocol/deviceConfig';
import type { CardDavAccountSettings } from '../protocol/workerApis';

/**
 * What the shell remembers between page loads: the demo size, which providers are installed and the
 * CardDAV accounts added (their passwords included: this is a simulated phone's settings store, as a
 * real phone keeps account passwords in its own account manager).
 */
export interface DeviceSettings {
  people: number;
  installed: BuiltinProviderId[];
  accounts: CardDavAccountSettings[];
}

/** The device a page opens when it does not ask for another: today's names, so nothing saved is lost. */
export const DEFAULT_DEVICE_ID = 'A';

/** The most people the `?people=` parameter may ask for (the panel's large set is 30,000). */
export const MAX_REQUESTED_PEOPLE = 100_000;

function keyOf(deviceId: string): string {
  return deviceId === DEFAULT_DEVICE_ID ? 'gcds-device-settings' : `gcds-device-settings:${deviceId}`;
}

function accountsOf(saved: unknown): CardDavAccountSettings[] {
  if (!Array.isArray(saved)) return [];
  return saved.filter(
    (a): a is CardDavAccountSettings =>
      typeof a === 'object' &&
      a !== null &&
      typeof a.url === 'string' &&
      typeof a.username === 'string' &&
      typeof a.password === 'string' &&
      ['server', 'client', 'timestamp'].includes(a.conflict),
  );
}

export function loadSettings(deviceId: string): DeviceSettings {
  try {
    const saved = JSON.parse(
      localStorage.getItem(keyOf(deviceId)) ?? 'null',
    ) as Partial<DeviceSettings> | null;
    const people = Number.isInteger(saved?.people) ? (saved!.people as number) : DEFAULT_DEMO_PEOPLE;
    const installed = Array.isArray(saved?.installed)
      ? BUILTIN_PROVIDER_IDS.filter((id) => saved!.installed!.includes(id))
      : [...BUILTIN_PROVIDER_IDS];
    return { people, installed, accounts: accountsOf(saved?.accounts) };
  } catch {
    return { people: DEFAULT_DEMO_PEOPLE, installed: [...BUILTIN_PROVIDER_IDS], accounts: [] };
  }
}

/** Whether this browser has booted the device before (its databases then hold a demo set). */
export function hasSavedSettings(deviceId: string): boolean {
  return localStorage.getItem(keyOf(deviceId)) !== null;
}

export function saveSettings(deviceId: string, settings: DeviceSettings): void {
  localStorage.setItem(
    keyOf(deviceId),
    JSON.stringify({ ...settings, installed: settings.installed.filter(isBuiltinProvider) }),
  );
}

/**
 * The demo size asked for in the page address (`?people=300`), so a link or a test can open the phone on
 * a set of a known size. Anything but a whole number from 0 to MAX_REQUESTED_PEOPLE is an error.
 */
export function requestedPeople(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('people');
  if (raw === null) return undefined;
  const people = Number(raw);
  if (!/^\d+$/.test(raw) || people > MAX_REQUESTED_PEOPLE) {
    throw new Error(
      `?people= must be a whole number from 0 to ${MAX_REQUESTED_PEOPLE.toLocaleString('en')}, not “${raw}”`,
    );
  }
  return people;
}

/**
 * Which phone the page address asks for (`?device=B`): a letter or a short name. Each device has its own
 * databases, change channel, locks and settings, so two tabs are two phones.
 */
export function requestedDevice(search: string): string {
  const raw = new URLSearchParams(search).get('device');
  if (raw === null || raw === '') return DEFAULT_DEVICE_ID;
  if (!/^[A-Za-z0-9]{1,16}$/.test(raw)) {
    throw new Error(`?device= must be a short name of letters and digits (like B), not “${raw}”`);
  }
  return raw;
}

export function deviceConfig(deviceId: string, settings: DeviceSettings): DeviceConfig {
  const own = deviceId === DEFAULT_DEVICE_ID;
  return {
    deviceId,
    namespace: own ? 'gcds' : `gcds-${deviceId}`,
    channel: own ? 'gcds-device-changes' : `gcds-device-changes:${deviceId}`,
    lockPrefix: own ? '' : `${deviceId}:`,
    region: 'FR',
    locale: 'en',
    demo: { seed: DEFAULT_DEMO_SEED, people: settings.people },
  };
}
