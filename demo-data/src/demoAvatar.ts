import type { SeededRandom } from './seededRandom';
import { encodePng, type Rgb } from './tinyPng';

export const AVATAR_SIZE = 48;

/** A head-and-shoulders silhouette on a seeded background: a small, distinct PNG per person. */
export function demoAvatar(random: SeededRandom): Uint8Array {
  const background: Rgb = [random.int(90, 230), random.int(90, 230), random.int(90, 230)];
  const figure: Rgb = [random.int(20, 80), random.int(20, 80), random.int(20, 80)];
  const half = AVATAR_SIZE / 2;
  const headRadius = AVATAR_SIZE * random.int(17, 21) * 0.01;
  const headY = AVATAR_SIZE * 0.4;
  const shoulderRadius = AVATAR_SIZE * 0.42;
  return encodePng(AVATAR_SIZE, AVATAR_SIZE, (x, y) => {
    const head = (x - half) ** 2 + (y - headY) ** 2 <= headRadius ** 2;
    const body =
      y > AVATAR_SIZE * 0.66 && (x - half) ** 2 + (y - AVATAR_SIZE * 1.05) ** 2 <= shoulderRadius ** 2;
    return head || body ? figure : background;
  });
}
