/** Changeover minutes between setup families: matrix[from][to]; missing pairs and a family to itself are 0. */
export type SetupMatrix = Record<string, Record<string, number>>;

/** The grid as typed: cells[from][to], blank for no changeover. */
export type MatrixCells = Record<string, Record<string, string>>;

const MAX_MINUTES = 10_080;

/** The families to show: those of the production profiles and those the matrix already names, sorted. */
export function matrixFamilies(profileFamilies: readonly (string | null)[], matrix: SetupMatrix): string[] {
  const names = new Set<string>();
  for (const family of profileFamilies) if (family?.trim()) names.add(family.trim());
  for (const [from, row] of Object.entries(matrix)) {
    names.add(from);
    for (const to of Object.keys(row)) names.add(to);
  }
  return [...names].sort((a, b) => a.localeCompare(b));
}

export function cellsFromMatrix(matrix: SetupMatrix, families: readonly string[]): MatrixCells {
  return Object.fromEntries(
    families.map((from) => [from, Object.fromEntries(families.filter((to) => to !== from).map((to) => [to, matrix[from]?.[to] === undefined ? '' : String(matrix[from][to])]))]),
  );
}

export type MatrixCheck = { ok: true; matrix: SetupMatrix } | { ok: false; errors: MatrixCells };

/** The grid as saveSetupMatrix's matrix (only pairs with a changeover), or an error per bad cell. */
export function matrixFromCells(cells: MatrixCells, families: readonly string[]): MatrixCheck {
  const matrix: SetupMatrix = {};
  const errors: MatrixCells = {};
  for (const from of families) {
    for (const to of families) {
      if (from === to) continue;
      const typed = cells[from]?.[to]?.trim() ?? '';
      if (typed === '') continue;
      const minutes = Number(typed);
      if (!Number.isFinite(minutes) || minutes < 0 || minutes > MAX_MINUTES) {
        (errors[from] ??= {})[to] = `Minutes from 0 to ${MAX_MINUTES}`;
        continue;
      }
      if (minutes > 0) (matrix[from] ??= {})[to] = minutes;
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, matrix };
}
