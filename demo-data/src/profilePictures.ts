import type { SeededRandom } from './seededRandom';
import { encodePng, type Rgb } from './tinyPng';

/** A picture as the simulated server holds it: the bytes a photo request returns. */
export interface PictureBytes {
  bytes: Uint8Array;
  mediaType: string;
}

const SIZE = 40;
const CELLS = 5;
const CELL = SIZE / CELLS;
const BACKGROUND: Rgb = [240, 240, 240];

/** A symmetric 5×5 identicon in one random colour: a distinct, real PNG per call. */
export function identiconPicture(random: SeededRandom): PictureBytes {
  const colour: Rgb = [random.int(40, 200), random.int(40, 200), random.int(40, 200)];
  // Columns 0-2 are random and mirrored onto 4-3, as identicons do.
  const filled = Array.from({ length: CELLS }, () => Array.from({ length: 3 }, () => random.chance(0.5)));
  const bytes = encodePng(SIZE, SIZE, (x, y) => {
    const column = Math.floor(x / CELL);
    const row = filled[Math.floor(y / CELL)]!;
    return row[column < 3 ? column : CELLS - 1 - column] ? colour : BACKGROUND;
  });
  return { bytes, mediaType: 'image/png' };
}

let silhouette: PictureBytes | undefined;

/**
 * The network's default picture (a grey head and shoulders) that many profiles share: the same bytes
 * behind different picture ids, which a provider storing photos by content keeps once.
 */
export function defaultSilhouettePicture(): PictureBytes {
  silhouette ??= {
    mediaType: 'image/png',
    bytes: encodePng(SIZE, SIZE, (x, y) => {
      const head = (x - 20) ** 2 + (y - 15) ** 2 <= 64;
      const shoulders = y >= 26 && (x - 20) ** 2 + (y - 40) ** 2 <= 196;
      return head || shoulders ? [160, 168, 180] : [220, 224, 230];
    }),
  };
  return { bytes: silhouette.bytes.slice(), mediaType: silhouette.mediaType };
}
