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

/** `count` good cards of invented guests, with numbers in a fictional range, each different. */
export function guestCards(count: number, prefix: string): string[] {
  return Array.from({ length: count }, (_, i) =>
    card(
      `${prefix}${String(i + 1).padStart(4, '0')}`,
      'Guestington',
      `+33 6 39 97 ${String(i)
        .padStart(4, '0')
        .replace(/(\d\d)(\d\d)/, '$1 $2')}`,
    ),
  );
}

/** Two good people, a card with a line that is not a property, an empty card, and many guests. */
export function partlyBrokenVcf(guests: number): string {
  return `${[
    card('Ottoline', 'Marchbanks', '+33 6 39 96 11 11', '4.0'),
    ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Broken Card', 'THIS LINE IS NOT A PROPERTY', 'END:VCARD'].join('\r\n'),
    card('Bartholomew', 'Quince', '+33 6 39 96 22 22'),
    ['BEGIN:VCARD', 'VERSION:3.0', 'END:VCARD'].join('\r\n'),
    ...guestCards(guests, 'Guest'),
  ].join('\r\n')}\r\n`;
}

export function singleCardVcf(given: string, family: string, tel: string): string {
  return `${card(given, family, tel)}\r\n`;
}
