import { describe, expect, it } from 'vitest';
import { cellsFromMatrix, matrixFamilies, matrixFromCells } from './setup-matrix.ts';

describe('the setup matrix grid', () => {
  it('shows the profiles’ families and those already in the matrix, once each', () => {
    expect(matrixFamilies(['cards', null, ' cards ', 'vinyl', ''], { banners: { cards: 5 }, cards: { foil: 20 } })).toEqual(['banners', 'cards', 'foil', 'vinyl']);
  });

  it('saves unchanged the matrix it read, leaving out the diagonal and blank cells', () => {
    const matrix = { cards: { vinyl: 15 }, vinyl: { cards: 7.5 } };
    const families = matrixFamilies(['cards', 'vinyl', 'foil'], matrix);
    const cells = cellsFromMatrix(matrix, families);
    expect(cells).toEqual({ cards: { foil: '', vinyl: '15' }, foil: { cards: '', vinyl: '' }, vinyl: { cards: '7.5', foil: '' } });
    expect(matrixFromCells(cells, families)).toEqual({ ok: true, matrix });
  });

  it('drops a cleared or zero changeover and refuses minutes out of range, naming the cell', () => {
    const families = ['cards', 'vinyl'];
    expect(matrixFromCells({ cards: { vinyl: '0' }, vinyl: { cards: ' ' } }, families)).toEqual({ ok: true, matrix: {} });
    expect(matrixFromCells({ cards: { vinyl: '-1' }, vinyl: { cards: 'soon' } }, families)).toEqual({
      ok: false,
      errors: { cards: { vinyl: 'Minutes from 0 to 10080' }, vinyl: { cards: 'Minutes from 0 to 10080' } },
    });
  });
});
