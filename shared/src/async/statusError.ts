/**
 * The last error a status reports: plain data, so it crosses workers and frames by structured clone
 * (an `Error` loses its class there) and compares by value. A status may add its own details.
 */
export interface StatusError {
  message: string;
  /** When it happened (ms since the epoch, as the status's clock tells it). */
  at: number;
}

/** The status error for whatever was thrown. */
export function statusErrorOf(error: unknown, at: number): StatusError {
  return { message: error instanceof Error ? error.message : String(error), at };
}
