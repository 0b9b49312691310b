/** What the bench reads off the simulated phone's system panel and the Contacts app, at one moment. */
export interface PhoneSample {
  /** The page's wall clock (`Date.now()`) when the sample was read. */
  at: number;
  /** The panel's demo line, e.g. "30,000 people in the demo world, …". */
  demoSize: string;
  /** Each built-in provider's state (installed, installing, not installed, failed). */
  providers: string[];
  /** The GCDS line's state (running, starting, killed) and its text ("Running (idle), revision …"). */
  gcdsState: string;
  gcdsText: string;
  /** The Readers table: one status per reader (each provider into the GCDS, each app, the network). */
  readers: Array<{ reader: string; state: string; at?: string }>;
  /** The GCDS store's revision in the Stores table (0 or absent while it holds nobody). */
  gcdsRevision: number;
  /** The Contacts app's list status line, when its frame is open ("36,120 contacts", "Importing …"). */
  contactsStatus: string | undefined;
}

/**
 * Whether the phone has settled on `people` demo people: the panel says that size, every provider is
 * installed, the GCDS runs idle, every reader (the GCDS of each provider, each app of the GCDS and
 * facebook-sim of its simulated server) is in sync, and the Contacts app says its exact count.
 */
export function isSettled(sample: PhoneSample, people: number): boolean {
  const apps = sample.readers.filter((row) => !row.reader.includes('←'));
  return (
    sample.demoSize.startsWith(`${people.toLocaleString('en')} people`) &&
    sample.providers.length === 3 &&
    sample.providers.every((state) => state === 'installed') &&
    sample.gcdsState === 'running' &&
    sample.gcdsText.includes('(idle)') &&
    (people === 0 || sample.gcdsRevision > 0) &&
    apps.length === 3 &&
    sample.readers.some((row) => row.reader.startsWith('facebook-sim ←')) &&
    sample.readers.every((row) => row.state === 'in sync') &&
    // An empty phone is settled without the Contacts app open (the bench's starting point).
    (people === 0 || /^[\d,]+ contacts?$/.test(sample.contactsStatus ?? ''))
  );
}

/**
 * Samples taken one after another: the phone counts as settled once the same settled picture (every
 * line of it) has held for `holdMs`, because the panel reads revisions as change events arrive and a
 * revision not read yet must not pass for the end. The settled time is the first sample of that run.
 */
export class SettleWatch {
  #since: { at: number; picture: string } | undefined;

  constructor(
    private readonly people: number,
    private readonly holdMs: number,
  ) {}

  /** Takes a sample; returns when the phone settled, once it has held long enough, else undefined. */
  add(sample: PhoneSample): number | undefined {
    if (!isSettled(sample, this.people)) {
      this.#since = undefined;
      return undefined;
    }
    const { at: _at, ...rest } = sample;
    const picture = JSON.stringify(rest);
    if (this.#since?.picture !== picture) this.#since = { at: sample.at, picture };
    return sample.at - this.#since.at >= this.holdMs ? this.#since.at : undefined;
  }
}
