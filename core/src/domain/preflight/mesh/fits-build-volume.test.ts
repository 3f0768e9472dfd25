import { describe, expect, it } from 'vitest';
import { fitsBuildVolume } from './index.ts';

const v = (x: number, y: number, z: number) => ({ x, y, z });

describe('fitsBuildVolume', () => {
  it('fits as placed', () => {
    expect(fitsBuildVolume(v(100, 50, 20), v(250, 210, 220))).toEqual({ fits: true, rotated: false });
    expect(fitsBuildVolume(v(250, 210, 220), v(250, 210, 220))).toEqual({ fits: true, rotated: false });
  });

  it('fits only when reoriented, in any of the six axis orders', () => {
    expect(fitsBuildVolume(v(300, 100, 50), v(200, 350, 100))).toEqual({ fits: true, rotated: true });
    expect(fitsBuildVolume(v(10, 10, 300), v(320, 20, 20))).toEqual({ fits: true, rotated: true });
    expect(fitsBuildVolume(v(30, 300, 10), v(20, 40, 310))).toEqual({ fits: true, rotated: true });
  });

  it('does not fit when the longest side exceeds every axis', () => {
    expect(fitsBuildVolume(v(400, 10, 10), v(250, 210, 220))).toEqual({ fits: false, rotated: false });
    expect(fitsBuildVolume(v(200, 200, 200), v(250, 210, 150))).toEqual({ fits: false, rotated: false });
  });
});
