/** .vcf files the tests import, written by hand as other phones and mail clients write them. */

function card(given: string, family: string, tel: string, version = '3.0'): string {
  return [
    'BEGIN:VCARD',
    `VERSION:${version}`,
    `N:${family};${given};;;`,
    `FN:${given} ${family}`,
    `TEL;TYPE=CELL:${tel}`,
    'END:VCARD',
  ].join('\r\n');
}

/**
 * The number of the `i`th invented guest: in the mobile range France's regulator keeps for fiction
 * (06 39 98 00 00 to 06 39 98 99 99), which the demo book never uses.
 */
export function guestNumber(i: number): string {
  if (!Number.isInteger(i) || i < 0 || i >= 9_000)
    throw new Error(`guest ${i} is out of the fictional range`);
  const digits = String(i).padStart(4, '0');
  return `+33 6 39 98 ${digits.slice(0, 2)} ${digits.slice(2)}`;
}

/** `count` good cards of invented guests, `<prefix>0001 Guestington` on, each with its own number. */
export function guestCards(count: number, prefix: string): string[] {
  return Array.from({ length: count }, (_, i) =>
    card(`${prefix}${String(i + 1).padStart(4, '0')}`, 'Guestington', guestNumber(i)),
  );
}

/** Two good people, a card with a line that is not a property, an empty card, and many guests. */
export function partlyBrokenVcf(guests: number): string {
  return `${[
    card('Ottoline', 'Marchbanks', '+33 6 39 98 91 11', '4.0'),
    ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Broken Card', 'THIS LINE IS NOT A PROPERTY', 'END:VCARD'].join('\r\n'),
    card('Bartholomew', 'Quince', '+33 6 39 98 92 22'),
    ['BEGIN:VCARD', 'VERSION:3.0', 'END:VCARD'].join('\r\n'),
    ...guestCards(guests, 'Guest'),
  ].join('\r\n')}\r\n`;
}

export function singleCardVcf(given: string, family: string, tel: string): string {
  return `${card(given, family, tel)}\r\n`;
}
