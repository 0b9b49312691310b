import { DEFAULT_DEMO_PEOPLE, DEFAULT_DEMO_SEED } from '../demo/demoBook';
import type { DeviceConfig, ProviderId } from '../protocol/deviceConfig';
import { PROVIDER_IDS } from '../protocol/deviceConfig';

/** What the shell remembers between page loads: the demo size and which providers are installed. */
export interface DeviceSettings {
  people: number;
  installed: ProviderId[];
}

const KEY = 'gcds-device-settings';

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

export function saveSettings(settings: DeviceSettings): void {
  localStorage.setItem(KEY, JSON.stringify(settings));
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
