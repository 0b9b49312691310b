import type { DemoRegion } from '@gcds/demo-data';

/** Which demo book to make: what the shell asks the demo book worker for (device/src/demo/demoBook.ts). */
export interface DemoBookOptions {
  seed?: number;
  /** People in the world (hard cases come on top). Default 2,000. */
  people?: number;
  /** Where the phone's owner lives: the only region whose numbers are saved without a country code. */
  homeRegion?: DemoRegion;
}
