import type { Vec3 } from '../facts.ts';

const ORDERS: readonly (readonly ['x' | 'y' | 'z', 'x' | 'y' | 'z', 'x' | 'y' | 'z'])[] = [
  ['x', 'y', 'z'], ['x', 'z', 'y'], ['y', 'x', 'z'], ['y', 'z', 'x'], ['z', 'x', 'y'], ['z', 'y', 'x'],
];

/** Whether a part of `size` fits a build `volume` as placed, or only in another of the six axis orders. */
export function fitsBuildVolume(size: Vec3, volume: Vec3): { fits: boolean; rotated: boolean } {
  for (const [index, [a, b, c]] of ORDERS.entries()) {
    if (size[a] <= volume.x && size[b] <= volume.y && size[c] <= volume.z) return { fits: true, rotated: index !== 0 };
  }
  return { fits: false, rotated: false };
}
