import type { PhysicalLine } from './physicalLines';

export interface NulRemoval {
  lines: PhysicalLine[];
  /** NUL bytes removed in all. */
  removed: number;
  /** Lines they were removed from. */
  lineNumbers: number[];
}

/**
 * The lines without their NUL bytes. No vCard value may hold one (a text field would carry it into
 * names and search), and they come from broken exporters or half-decoded UTF-16: removed, and counted
 * so the import can say so. Lines without a NUL are returned as they are.
 */
export function withoutNulBytes(lines: readonly PhysicalLine[]): NulRemoval {
  let removed = 0;
  const lineNumbers: number[] = [];
  const result = lines.map((line) => {
    if (!line.bytes.includes(0)) return line;
    const bytes = line.bytes.filter((byte) => byte !== 0);
    removed += line.bytes.length - bytes.length;
    lineNumbers.push(line.number);
    return { bytes, number: line.number };
  });
  return { lines: result, removed, lineNumbers };
}
