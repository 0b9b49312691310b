/** Firefox OS app privilege levels, lowest first. A reader may open a store whose level is at or below its own. */
export const ACCESS_LEVELS = ['web', 'privileged', 'certified'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

export function accessRank(level: AccessLevel): number {
  return ACCESS_LEVELS.indexOf(level);
}

export function canReadAt(readerLevel: AccessLevel, requiredLevel: AccessLevel): boolean {
  return accessRank(readerLevel) >= accessRank(requiredLevel);
}

export function isAccessLevel(value: unknown): value is AccessLevel {
  return typeof value === 'string' && (ACCESS_LEVELS as readonly string[]).includes(value);
}

/** Raised when a caller asks for something its identity does not allow. */
export class AccessError extends Error {
  override readonly name = 'AccessError';
}
