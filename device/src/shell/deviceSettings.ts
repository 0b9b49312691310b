import { DEFAULT_DEMO_PEOPLE, DEFAULT_DEMO_SEED } from '../demo/demoBook';
import type { DeviceConfig, ProviderId } from '../protocol/deviceConfig';
import { PROVIDER_IDS } from '../protocol/deviceConfig';

/** What the shell remembers between page loads: the demo size and which providers are installed. */
export interface DeviceSettings {
  people: number;
  installed: ProviderId[];
}

const KEY = 'gcds-device-settings';

/** The most people the `?people=` parameter may ask for (the panel's large set is 30,000). */
export const MAX_REQUESTED_PEOPLE = 100_000;

export function loadSettings(): DeviceSettings {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<DeviceSettings> | null;
    const people = Number.isInteger(saved?.people) ? (saved!.people as number) : DEFAULT_DEMO_PEOPLE;
    const installed = Array.isArray(saved?.installed)
      ? PROVIDER_IDS.filter((id) => saved!.installed!.includes(id))
      : [...PROVIDER_IDS];
    return { people, installed };
  } catch {
    return { people: DEFAULT_DEMO_PEOPLE, installed: [...PROVIDER_IDS] };
  }
}

/** Whether this browser has booted the device before (its databases then hold a demo set). */
export function hasSavedSettings(): boolean {
  return localStorage.getItem(KEY) !== null;
}

export function saveSettings(settings: DeviceSettings): void {
  localStorage.setItem(KEY, JSON.stringify(settings));
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

export function deviceConfig(settings: DeviceSettings): DeviceConfig {
  return {
    namespace: 'gcds',
    channel: 'gcds-device-changes',
    region: 'FR',
    locale: 'en',
    demo: { seed: DEFAULT_DEMO_SEED, people: settings.people },
  };
}
