import { describe, expect, it } from 'vitest';
import { plateLayoutJson } from './plate-json.ts';

describe('build-plate layout', () => {
  it('lists each plate with its parts, footprints and model files', () => {
    const json = JSON.parse(
      plateLayoutJson({
        runId: 'run-1',
        plateMm: { width: 256, height: 256 },
        plates: 2,
        spacingMm: 5,
        parts: [
          { plate: 0, x: 0, y: 0, width: 40, depth: 30, rotated: false, fileId: 'f1', orderLineId: 'l1', copy: 0 },
          { plate: 1, x: 10, y: 0, width: 30, depth: 40, rotated: true, fileId: 'f2', orderLineId: 'l2', copy: 3 },
        ],
      }),
    );
    expect(json).toEqual({
      format: 'pressline.plate-layout/1',
      runId: 'run-1',
      unit: 'mm',
      plate: { width: 256, depth: 256 },
      spacing: 5,
      plates: [
        { plate: 1, parts: [{ x: 0, y: 0, width: 40, depth: 30, rotated: false, fileId: 'f1', orderLineId: 'l1', copy: 0 }] },
        { plate: 2, parts: [{ x: 10, y: 0, width: 30, depth: 40, rotated: true, fileId: 'f2', orderLineId: 'l2', copy: 3 }] },
      ],
    });
  });
});
