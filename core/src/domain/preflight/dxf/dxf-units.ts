/** $INSUNITS codes (AutoCAD DXF reference) with their names and millimetres per unit. */
const UNITS: Record<number, { name: string; mm: number }> = {
  0: { name: 'unitless', mm: 1 },
  1: { name: 'in', mm: 25.4 },
  2: { name: 'ft', mm: 304.8 },
  3: { name: 'mi', mm: 1_609_344 },
  4: { name: 'mm', mm: 1 },
  5: { name: 'cm', mm: 10 },
  6: { name: 'm', mm: 1000 },
  7: { name: 'km', mm: 1_000_000 },
  8: { name: 'µin', mm: 25.4e-6 },
  9: { name: 'mil', mm: 0.0254 },
  10: { name: 'yd', mm: 914.4 },
  11: { name: 'Å', mm: 1e-7 },
  12: { name: 'nm', mm: 1e-6 },
  13: { name: 'µm', mm: 0.001 },
  14: { name: 'dm', mm: 100 },
  15: { name: 'dam', mm: 10_000 },
  16: { name: 'hm', mm: 100_000 },
};

/**
 * The drawing's unit. Unitless drawings (and codes we do not know) are read as millimetres,
 * which is what laser and CNC software assume; the rules warn about it.
 */
export function dxfUnits(insunits: string | undefined): { name: string; mm: number } {
  const code = insunits === undefined ? 0 : Number(insunits);
  return UNITS[code] ?? UNITS[0]!;
}
