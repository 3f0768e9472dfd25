import { describe, expect, it } from 'vitest';
import type { DxfFacts, MeshFacts } from '../preflight/index.ts';
import { footprintOf } from './footprint.ts';

const mesh = (x: number, y: number) => ({ kind: 'stl', boundingBoxMm: { min: { x: 0, y: 0, z: 0 }, max: { x, y, z: 5 }, size: { x, y, z: 5 } } }) as MeshFacts;

describe('footprint of one copy', () => {
  it('is the trim size when the profile has one, else what preflight measured', () => {
    expect(footprintOf({ width: 85, height: 55 }, mesh(10, 10))).toEqual({ width: 85, height: 55 });
    expect(footprintOf(null, mesh(20, 30))).toEqual({ width: 20, height: 30 });
    expect(footprintOf(null, { kind: 'dxf', boundingBoxMm: { minX: 0, minY: 0, maxX: 40, maxY: 25, width: 40, height: 25 } } as DxfFacts)).toEqual({ width: 40, height: 25 });
  });

  it('is unknown without a size, or with a flat or broken measurement', () => {
    expect(footprintOf(null, null)).toBeNull();
    expect(footprintOf(null, mesh(0, 30))).toBeNull();
    expect(footprintOf(null, mesh(Number.NaN, 30))).toBeNull();
    expect(footprintOf(null, { kind: 'dxf', boundingBoxMm: null } as DxfFacts)).toBeNull();
  });
});
