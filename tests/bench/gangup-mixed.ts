/** Reproducible mixed rectangles for the gang-up benchmark (seeded; no Math.random so runs compare). */
import type { GangItemInput } from '@pressline/core/domain';

export function mixedItems(count: number, seed: number, shape: { min?: number; max?: number; quantity?: number } = {}): GangItemInput[] {
  const { min = 20, max = 200, quantity } = shape;
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const side = () => Math.round(min + next() * (max - min));
  return Array.from({ length: count }, (_, i) => ({
    id: `r${i}`,
    width: side(),
    height: side(),
    rotatable: true,
    ...(quantity ? { quantity: 1 + Math.floor(next() * quantity) } : {}),
  }));
}
