import type { SeededRandom } from '@gcds/demo-data';

/** Countries whose numbering plans the simulation knows. */
export const PHONE_REGIONS = ['US', 'GB', 'FR', 'DE', 'ES', 'AU', 'BR'] as const;
export type PhoneRegion = (typeof PHONE_REGIONS)[number];

export type PhoneKind = 'mobile' | 'landline';
/** How the friend typed the number: `+14155550123`, `+1 415-555-0123` or `(415) 555-0123`. */
export type PhoneStyle = 'e164' | 'international' | 'national';

export interface GeneratedPhone {
  region: PhoneRegion;
  kind: PhoneKind;
  /** The canonical form, e.g. +14155550123. */
  e164: string;
  /** As the friend wrote it, in the requested style. */
  written: string;
}

interface Forms {
  e164: string;
  national: string;
  international: string;
}

/**
 * One generator per region and kind, each inside a range valid for that country. Where a country sets
 * numbers aside for fiction and libphonenumber accepts them (US 555-01XX, London 020 7946 0XXX, Australia
 * 0491 570 1XX and 02 5550 XXXX, Paris 01 99 00 XX XX) they are used, so no real subscriber is simulated.
 */
const PLANS: Record<PhoneRegion, Record<PhoneKind, (r: SeededRandom) => Forms>> = {
  US: {
    mobile: (r) => us(r),
    landline: (r) => us(r),
  },
  GB: {
    mobile: (r) => {
      const a = `7${r.pick(['4', '5', '7', '8'])}${r.digits(2)}`;
      const b = r.digits(6);
      return { e164: `+44${a}${b}`, national: `0${a} ${b}`, international: `+44 ${a} ${b}` };
    },
    landline: (r) => {
      const b = `0${r.digits(3)}`;
      return { e164: `+44207946${b}`, national: `020 7946 ${b}`, international: `+44 20 7946 ${b}` };
    },
  },
  FR: {
    mobile: (r) => {
      const n = `7${r.pick(['5', '6', '7', '8'])}${r.digits(7)}`;
      const pairs = [1, 3, 5, 7].map((i) => n.slice(i, i + 2)).join(' ');
      return { e164: `+33${n}`, national: `0${n[0]} ${pairs}`, international: `+33 ${n[0]} ${pairs}` };
    },
    landline: (r) => {
      const [a, b] = [r.digits(2), r.digits(2)];
      return {
        e164: `+3319900${a}${b}`,
        national: `01 99 00 ${a} ${b}`,
        international: `+33 1 99 00 ${a} ${b}`,
      };
    },
  },
  DE: {
    mobile: (r) => {
      const b = `1${r.digits(7)}`;
      return { e164: `+49151${b}`, national: `0151 ${b}`, international: `+49 151 ${b}` };
    },
    landline: (r) => {
      const b = r.digits(8);
      return { e164: `+4930${b}`, national: `030 ${b}`, international: `+49 30 ${b}` };
    },
  },
  ES: {
    mobile: (r) => spanish(r, `6${r.digits(2)}`),
    landline: (r) => spanish(r, `91${r.digits(1)}`),
  },
  AU: {
    mobile: (r) => {
      const b = `1${r.int(0, 5)}${r.digits(1)}`;
      return { e164: `+61491570${b}`, national: `0491 570 ${b}`, international: `+61 491 570 ${b}` };
    },
    landline: (r) => {
      const b = r.digits(4);
      return { e164: `+6125550${b}`, national: `(02) 5550 ${b}`, international: `+61 2 5550 ${b}` };
    },
  },
  BR: {
    mobile: (r) => {
      const area = r.pick(['11', '21', '31', '41']);
      const [a, b] = [`9${r.int(6, 9)}${r.digits(3)}`, r.digits(4)];
      return {
        e164: `+55${area}${a}${b}`,
        national: `(${area}) ${a}-${b}`,
        international: `+55 ${area} ${a}-${b}`,
      };
    },
    landline: (r) => {
      const [a, b] = [`30${r.digits(2)}`, r.digits(4)];
      return { e164: `+5511${a}${b}`, national: `(11) ${a}-${b}`, international: `+55 11 ${a}-${b}` };
    },
  },
};

function us(r: SeededRandom): Forms {
  const area = r.pick(['212', '312', '415', '617', '206']);
  const line = `01${r.digits(2)}`;
  return {
    e164: `+1${area}555${line}`,
    national: `(${area}) 555-${line}`,
    international: `+1 ${area}-555-${line}`,
  };
}

function spanish(r: SeededRandom, head: string): Forms {
  const rest = [r.digits(2), r.digits(2), r.digits(2)].join(' ');
  return {
    e164: `+34${head}${rest.replaceAll(' ', '')}`,
    national: `${head} ${rest}`,
    international: `+34 ${head} ${rest}`,
  };
}

export function generatePhone(
  random: SeededRandom,
  region: PhoneRegion,
  kind: PhoneKind,
  style: PhoneStyle,
): GeneratedPhone {
  const plan = PLANS[region];
  if (plan === undefined) throw new Error(`no numbering plan for region "${region}"`);
  const forms = plan[kind](random);
  return { region, kind, e164: forms.e164, written: forms[style] };
}
