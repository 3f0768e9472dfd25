export interface CutOutline {
  sheet: number;
  /** Trim box, mm, origin at the sheet's bottom-left corner. */
  x: number;
  y: number;
  width: number;
  height: number;
  label: string;
}

const SHEET_SPACING_MM = 10;

/**
 * The cut outlines of a laser or CNC run as one SVG in millimetres: each sheet is a group
 * (stacked top to bottom with a gap), each piece a hairline rectangle at its trim box. SVG's
 * y axis points down, so positions are flipped from the layout's bottom-left origin.
 */
export function cutOutlinesSvg(input: { sheetMm: { width: number; height: number }; sheets: number; outlines: readonly CutOutline[]; title: string }): string {
  const { width, height } = input.sheetMm;
  const total = input.sheets * height + Math.max(0, input.sheets - 1) * SHEET_SPACING_MM;
  const n = (value: number) => Number(value.toFixed(3));
  const groups = Array.from({ length: input.sheets }, (_, sheet) => {
    const top = sheet * (height + SHEET_SPACING_MM);
    const pieces = input.outlines
      .filter((o) => o.sheet === sheet)
      .map((o) => `    <rect x="${n(o.x)}" y="${n(top + height - o.y - o.height)}" width="${n(o.width)}" height="${n(o.height)}"><title>${escapeXml(o.label)}</title></rect>`);
    return [`  <g id="sheet-${sheet + 1}">`, `    <rect class="sheet" x="0" y="${n(top)}" width="${n(width)}" height="${n(height)}"/>`, ...pieces, '  </g>'].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}mm" height="${n(total)}mm" viewBox="0 0 ${n(width)} ${n(total)}">`,
    `  <title>${escapeXml(input.title)}</title>`,
    '  <style>rect { fill: none; stroke: #ff0000; stroke-width: 0.025 } rect.sheet { stroke: #0000ff }</style>',
    ...groups,
    '</svg>',
    '',
  ].join('\n');
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}
