import type { SeededRandom } from './seededRandom';

/**
 * Phone numbers for the demo, from ranges regulators set aside for fiction (Ofcom's drama numbers,
 * ARCEP's, ACMA's, the US 555-01XX lines, the German "Filmnummern") and that libphonenumber accepts as
 * valid, so no real subscriber is ever simulated and every number parses to E.164 for matching.
 * Each number is handed out once: two people only share a number when the generator means them to
 * (a family landline, a switchboard).
 */
export type DemoRegion = 'FR' | 'GB' | 'US' | 'DE' | 'AU';

export interface DemoPhone {
  region: DemoRegion;
  e164: string;
  /** As a person from that country writes it at home: `01 99 00 12 34`. */
  national: string;
  /** `+33 1 99 00 12 34`. */
  international: string;
}

interface Block {
  /** Country code. */
  cc: string;
  /** National significant number before the subscriber part. */
  prefix: string;
  /** Digits of the subscriber part. */
  width: number;
  format(nsn: string): { national: string; international: string };
}

function groups(text: string, sizes: readonly number[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    parts.push(text.slice(at, at + size));
    at += size;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts.filter(Boolean).join(' ');
}

function frBlock(prefix: string): Block {
  return {
    cc: '33',
    prefix,
    width: 4,
    format: (nsn) => ({
      national: groups(`0${nsn}`, [2, 2, 2, 2, 2]),
      international: `+33 ${groups(nsn, [1, 2, 2, 2, 2])}`,
    }),
  };
}

function gbBlock(prefix: string, area: number): Block {
  return {
    cc: '44',
    prefix,
    width: 3,
    format: (nsn) => {
      const rest = nsn.slice(area);
      const split = rest.length === 8 ? [4, 4] : [3, 4];
      return {
        national: `0${nsn.slice(0, area)} ${groups(rest, split)}`,
        international: `+44 ${nsn.slice(0, area)} ${groups(rest, split)}`,
      };
    },
  };
}

function usBlock(area: string): Block {
  return {
    cc: '1',
    prefix: `${area}55501`,
    width: 2,
    format: (nsn) => ({
      national: `(${nsn.slice(0, 3)}) ${nsn.slice(3, 6)}-${nsn.slice(6)}`,
      international: `+1 ${nsn.slice(0, 3)}-${nsn.slice(3, 6)}-${nsn.slice(6)}`,
    }),
  };
}

function deBlock(prefix: string, area: number): Block {
  return {
    cc: '49',
    prefix,
    width: 3,
    format: (nsn) => ({
      national: `0${nsn.slice(0, area)} ${nsn.slice(area)}`,
      international: `+49 ${nsn.slice(0, area)} ${nsn.slice(area)}`,
    }),
  };
}

function auBlock(prefix: string): Block {
  return {
    cc: '61',
    prefix,
    width: 4,
    format: (nsn) => ({
      national: `(0${nsn[0]}) ${nsn.slice(1, 5)} ${nsn.slice(5)}`,
      international: `+61 ${nsn[0]} ${nsn.slice(1, 5)} ${nsn.slice(5)}`,
    }),
  };
}

const BLOCKS: Record<DemoRegion, readonly Block[]> = {
  FR: ['19900', '26191', '35301', '46571', '53649'].map(frBlock),
  GB: [
    gbBlock('2079460', 2),
    ...['113', '114', '116', '117', '118', '121', '131', '141', '151', '161'].map((a) =>
      gbBlock(`${a}4960`, 3),
    ),
    gbBlock('2896496', 2),
    gbBlock('2920180', 2),
    gbBlock('1914980', 3),
  ],
  US: ['212', '312', '415', '617', '206', '305', '503', '512', '702', '808', '907', '303', '404', '615'].map(
    usBlock,
  ),
  DE: [
    deBlock('3023125', 2),
    deBlock('6990009', 2),
    deBlock('4066969', 2),
    deBlock('2214710', 3),
    deBlock('8999998', 2),
  ],
  AU: ['25550', '37010', '75550', '87010'].map(auBlock),
};

/** How many distinct numbers each region can hand out. */
export function regionCapacity(region: DemoRegion): number {
  return BLOCKS[region].reduce((sum, block) => sum + 10 ** block.width, 0);
}

/** Hands out each fictional number once. */
export class PhoneAllocator {
  readonly #used = new Set<string>();
  readonly #perRegion = new Map<DemoRegion, number>();

  constructor(private readonly random: SeededRandom) {}

  /** The share of the region's numbers already handed out, 0 to 1. */
  fullness(region: DemoRegion): number {
    return (this.#perRegion.get(region) ?? 0) / regionCapacity(region);
  }

  /** A fresh number of the region; throws when the region's ranges are exhausted. */
  next(region: DemoRegion): DemoPhone {
    const count = this.#perRegion.get(region) ?? 0;
    if (count >= regionCapacity(region)) throw new Error(`no fictional ${region} numbers left`);
    const blocks = BLOCKS[region];
    while (true) {
      const block = this.random.pick(blocks);
      const nsn = `${block.prefix}${this.random.digits(block.width)}`;
      const e164 = `+${block.cc}${nsn}`;
      if (this.#used.has(e164)) continue;
      this.#used.add(e164);
      this.#perRegion.set(region, count + 1);
      return { region, e164, ...block.format(nsn) };
    }
  }
}

export type PhoneStyle = 'national' | 'international' | 'e164' | 'compact';

/**
 * The number as someone saved it. National forms only make sense for numbers of the phone's home region
 * (elsewhere they would not parse), so foreign numbers are always written with their country code.
 */
export function writtenAs(phone: DemoPhone, style: PhoneStyle, homeRegion: DemoRegion): string {
  const local = phone.region === homeRegion;
  switch (style) {
    case 'national':
      return local ? phone.national : phone.international;
    case 'compact':
      return local ? phone.national.replace(/[\s()-]/g, '') : phone.e164;
    case 'international':
      return phone.international;
    case 'e164':
      return phone.e164;
  }
}
