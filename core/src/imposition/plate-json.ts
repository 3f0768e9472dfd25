export interface PlatePart {
  plate: number;
  x: number;
  y: number;
  width: number;
  depth: number;
  rotated: boolean;
  fileId: string | null;
  orderLineId: string;
  copy: number;
}

/** A printer build-plate layout: per plate, each part's footprint (mm, origin at a plate corner) and its model file. */
export function plateLayoutJson(input: { runId: string; plateMm: { width: number; height: number }; plates: number; spacingMm: number; parts: readonly PlatePart[] }): string {
  return `${JSON.stringify(
    {
      format: 'pressline.plate-layout/1',
      runId: input.runId,
      unit: 'mm',
      plate: { width: input.plateMm.width, depth: input.plateMm.height },
      spacing: input.spacingMm,
      plates: Array.from({ length: input.plates }, (_, plate) => ({
        plate: plate + 1,
        parts: input.parts.filter((p) => p.plate === plate).map(({ plate: _plate, ...part }) => part),
      })),
    },
    null,
    2,
  )}\n`;
}
