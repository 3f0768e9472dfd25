import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../../errors.ts';
import { validateRunGeometry } from './run-geometry.ts';

describe('gang run geometry', () => {
  it('accepts what a shop means', () => {
    expect(() => validateRunGeometry({ kind: 'sheet', width: 320, height: 450 }, 2, 3)).not.toThrow();
    expect(() => validateRunGeometry({ kind: 'roll', width: 330 }, 0, 1.5)).not.toThrow();
  });

  it('refuses sizes, gutters and bleeds no press has, naming every field', () => {
    const refused = (() => {
      try {
        validateRunGeometry({ kind: 'sheet', width: Number.NaN, height: 1e9 }, -1, 80);
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(refused).toBeInstanceOf(BadRequestError);
    expect((refused as BadRequestError).details['problems']).toEqual([
      'target.width must be more than 0 and at most 5000 mm',
      'target.height must be more than 0 and at most 5000 mm',
      'gutter must be from 0 to 100 mm',
      'bleed must be from 0 to 50 mm',
    ]);
    expect(() => validateRunGeometry({ kind: 'sheet', width: 100, height: 5 }, 2, 3)).toThrow(/slug line/);
  });
});
