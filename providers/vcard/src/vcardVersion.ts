import { asciiPrefix, type PhysicalLine } from './physicalLines';

export type VcardVersion = '2.1' | '3.0' | '4.0';

/**
 * The card's VERSION. A card without one (or with one we do not know) is read as 3.0, the most lenient
 * reading: the 2.1 parts of the pre-converter (bare parameters, quoted-printable) still apply to its lines.
 */
export function cardVersion(lines: readonly PhysicalLine[]): VcardVersion {
  for (const line of lines) {
    if (line.bytes.length > 32) continue;
    const match = /^VERSION\s*:\s*(\S+)\s*$/i.exec(asciiPrefix(line.bytes, 32));
    if (match === null) continue;
    const declared = match[1];
    if (declared === '2.1' || declared === '4.0') return declared;
    return '3.0';
  }
  return '3.0';
}
