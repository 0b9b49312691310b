import { accessSync, constants } from 'node:fs';

/**
 * Whether a server binary the tests start is installed. Missing: the tests that need it are skipped and
 * say so, except with CI=true, where a missing server fails the run (CI installs them with apt).
 */
export function serverBinary(name: string, path: string, apt: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    const message = `${name} tests SKIPPED: ${path} not found (install it with: sudo apt-get install -y ${apt})`;
    if (process.env.CI === 'true') {
      throw new Error(
        `${name} tests FAILED: ${path} not found (CI=true requires it: apt-get install -y ${apt})`,
      );
    }
    console.warn(message);
    return false;
  }
}

export const RADICALE_PATH = process.env.RADICALE_PATH ?? '/usr/bin/radicale';
export const XANDIKOS_PATH = process.env.XANDIKOS_PATH ?? '/usr/bin/xandikos';
