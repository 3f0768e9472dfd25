import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DxfFacts, Inspection } from '../facts.ts';
import { defaultInspectLimits } from '../limits.ts';
import { inspectDxf } from './index.ts';
import { byteMutation } from '../testing/byte-mutations.ts';

type Group = [number, string | number];

/** A DXF from (code, value) pairs, one per two lines, as CAD programs write it. */
const dxf = (groups: Group[]) => groups.map(([code, value]) => `${String(code).padStart(3)}\r\n${value}`).join('\r\n') + '\r\n';
const section = (name: string, body: Group[]): Group[] => [[0, 'SECTION'], [2, name], ...body, [0, 'ENDSEC']];
const drawing = (entities: Group[], { units = 4, blocks = [] as Group[] } = {}) =>
  dxf([
    ...section('HEADER', [[9, '$ACADVER'], [1, 'AC1015'], [9, '$INSUNITS'], [70, units]]),
    ...section('TABLES', [[0, 'TABLE'], [2, 'LAYER'], [70, 2], [0, 'LAYER'], [2, 'CUT'], [70, 0], [0, 'LAYER'], [2, 'ENGRAVE'], [70, 0], [0, 'ENDTAB']]),
    ...section('BLOCKS', blocks),
    ...section('ENTITIES', entities),
    [0, 'EOF'],
  ]);

const rectangle = (x: number, y: number, w: number, h: number, flags = 1): Group[] => [
  [0, 'LWPOLYLINE'], [8, 'CUT'], [90, 4], [70, flags], [10, x], [20, y], [10, x + w], [20, y], [10, x + w], [20, y + h], [10, x], [20, y + h],
];

const inspect = (text: string) => inspectDxf(new TextEncoder().encode(text), defaultInspectLimits);

function facts(inspection: Inspection): DxfFacts {
  if (!inspection.ok) throw new Error(`expected facts, got ${inspection.finding.code}: ${inspection.finding.message}`);
  return inspection.facts as DxfFacts;
}

function failure(inspection: Inspection) {
  if (inspection.ok) throw new Error('expected the file to be refused');
  return inspection.finding;
}

describe('DXF facts', () => {
  it('reads units, counts, layers, closed polylines and the extent', () => {
    const result = facts(
      inspect(
        drawing([
          ...rectangle(0, 0, 100, 50),
          [0, 'LINE'], [8, 'ENGRAVE'], [10, 10], [20, 10], [11, 20], [21, 20],
          [0, 'CIRCLE'], [8, 'CUT'], [10, 50], [20, 25], [40, 10],
          [0, 'LWPOLYLINE'], [8, 'SCORE'], [90, 2], [70, 0], [10, 5], [20, 5], [10, 6], [20, 6],
          [0, 'TEXT'], [8, 'ENGRAVE'], [10, 1], [20, 1], [40, 3], [1, 'Hello'],
        ]),
      ),
    );
    expect(result).toEqual({
      kind: 'dxf',
      units: 'mm',
      entities: { LWPOLYLINE: 2, LINE: 1, CIRCLE: 1, TEXT: 1 },
      boundingBoxMm: { minX: 0, minY: 0, maxX: 100, maxY: 50, width: 100, height: 50 },
      closedPolylines: 1,
      openPolylines: 1,
      layers: ['CUT', 'ENGRAVE', 'SCORE'],
    });
  });

  it('converts inches to millimetres and calls a drawing without $INSUNITS unitless', () => {
    expect(facts(inspect(drawing(rectangle(0, 0, 4, 2), { units: 1 }))).boundingBoxMm).toMatchObject({ width: 101.6, height: 50.8 });
    expect(facts(inspect(drawing(rectangle(0, 0, 4, 2), { units: 0 })))).toMatchObject({ units: 'unitless', boundingBoxMm: { width: 4 } });
  });

  it('bounds arcs, ellipses and bulges by their curves, not their end points', () => {
    const arc: Group[] = [[0, 'ARC'], [10, 0], [20, 0], [40, 10], [50, 0], [51, 90]];
    expect(facts(inspect(drawing(arc))).boundingBoxMm).toMatchObject({ minX: 0, minY: 0, maxX: 10, maxY: 10 });
    // A half-circle bulge from (0,0) to (10,0), counter-clockwise: it dips to y = -5.
    const bulge: Group[] = [[0, 'LWPOLYLINE'], [90, 2], [70, 0], [10, 0], [20, 0], [42, 1], [10, 10], [20, 0]];
    expect(facts(inspect(drawing(bulge))).boundingBoxMm).toMatchObject({ minX: 0, minY: -5, maxX: 10, maxY: 0 });
    // A full ellipse with a 20-long major axis at 0°, ratio 0.5.
    const ellipse: Group[] = [[0, 'ELLIPSE'], [10, 0], [20, 0], [11, 20], [21, 0], [40, 0.5], [41, 0], [42, 6.283185307179586]];
    expect(facts(inspect(drawing(ellipse))).boundingBoxMm).toMatchObject({ minX: -20, maxX: 20, minY: -10, maxY: 10 });
  });

  it('mirrors geometry whose extrusion points down, as CAD programs write mirrored parts', () => {
    const mirrored: Group[] = [[0, 'CIRCLE'], [10, 30], [20, 0], [40, 5], [210, 0], [220, 0], [230, -1]];
    expect(facts(inspect(drawing(mirrored))).boundingBoxMm).toMatchObject({ minX: -35, maxX: -25 });
  });

  it('reads old-style POLYLINE/VERTEX/SEQEND and sees a closed one', () => {
    const poly: Group[] = [
      [0, 'POLYLINE'], [8, 'CUT'], [66, 1], [70, 1],
      [0, 'VERTEX'], [10, 0], [20, 0], [0, 'VERTEX'], [10, 30], [20, 0], [0, 'VERTEX'], [10, 30], [20, 40],
      [0, 'SEQEND'],
    ];
    expect(facts(inspect(drawing(poly)))).toMatchObject({ entities: { POLYLINE: 1 }, closedPolylines: 1, openPolylines: 0, boundingBoxMm: { width: 30, height: 40 } });
  });

  it('places block references by their position, scale and rotation', () => {
    const blocks: Group[] = [[0, 'BLOCK'], [2, 'TAG'], [10, 0], [20, 0], ...rectangle(0, 0, 10, 5), [0, 'ENDBLK']];
    const result = facts(inspect(drawing([[0, 'INSERT'], [2, 'TAG'], [10, 100], [20, 100], [41, 2], [42, 2], [50, 90]], { blocks })));
    // 20 × 10 after scaling, turned a quarter: x from 90 to 100, y from 100 to 120.
    expect(result.boundingBoxMm).toMatchObject({ minX: 90, maxX: 100, minY: 100, maxY: 120 });
    expect(result.entities).toEqual({ INSERT: 1 });
  });

  it('warns about block references the file does not define', () => {
    const result = inspect(drawing([...rectangle(0, 0, 10, 10), [0, 'INSERT'], [2, 'XREF_LOGO'], [10, 0], [20, 0]]));
    expect(result.ok && result.findings).toEqual([expect.objectContaining({ code: 'dxf.missing_block', severity: 'warning', message: expect.stringContaining('XREF_LOGO') })]);
  });

  it('leaves paper space out of the extent', () => {
    const result = facts(inspect(drawing([...rectangle(0, 0, 10, 10), [0, 'LINE'], [67, 1], [10, 0], [20, 0], [11, 500], [21, 500]])));
    expect(result.boundingBoxMm).toMatchObject({ width: 10, height: 10 });
  });
});

describe('hostile and broken DXF', () => {
  it('refuses garbage with the line it choked on', () => {
    const finding = failure(inspect('hello\nworld\n1\n2\n'));
    expect(finding).toMatchObject({ code: 'dxf.malformed', severity: 'error' });
    expect(finding.message).toContain('Line 1');
  });

  it('refuses a coordinate that is not a number', () => {
    expect(failure(inspect(drawing([[0, 'LINE'], [10, 'abc'], [20, 0]])))).toMatchObject({ code: 'dxf.malformed', message: expect.stringContaining('abc') });
  });

  it('calls a cut-off drawing truncated', () => {
    const full = drawing(rectangle(0, 0, 10, 10));
    expect(failure(inspect(full.slice(0, full.indexOf('ENDSEC', full.indexOf('ENTITIES')))))).toMatchObject({ code: 'dxf.truncated' });
  });

  it('names binary DXF', () => {
    expect(failure(inspect('AutoCAD Binary DXF\r\n\u001a\u0000'))).toMatchObject({ code: 'dxf.binary' });
  });

  it('finishes a POLYLINE without SEQEND (dxf-parser loops forever on it)', () => {
    const text = dxf([...section('ENTITIES', [[0, 'POLYLINE'], [66, 1], [0, 'VERTEX'], [10, 1], [20, 2], [0, 'VERTEX'], [10, 3], [20, 4]]), [0, 'EOF']]);
    expect(facts(inspect(text))).toMatchObject({ openPolylines: 1, boundingBoxMm: { width: 2, height: 2 } });
  });

  it('survives blocks that insert each other', () => {
    const blocks: Group[] = [
      [0, 'BLOCK'], [2, 'A'], [10, 0], [20, 0], [0, 'INSERT'], [2, 'B'], [10, 1], [20, 1], [0, 'LINE'], [10, 0], [20, 0], [11, 1], [21, 1], [0, 'ENDBLK'],
      [0, 'BLOCK'], [2, 'B'], [10, 0], [20, 0], [0, 'INSERT'], [2, 'A'], [10, 1], [20, 1], [0, 'ENDBLK'],
    ];
    expect(facts(inspect(drawing([[0, 'INSERT'], [2, 'A'], [10, 0], [20, 0]], { blocks }))).boundingBoxMm).not.toBeNull();
  });

  it('never throws on mutated files, and a refusal always carries an error finding', () => {
    const valid = new TextEncoder().encode(
      drawing(
        [
          ...rectangle(0, 0, 100, 50),
          [0, 'ARC'], [10, 0], [20, 0], [40, 10], [50, 0], [51, 90],
          [0, 'POLYLINE'], [70, 1], [0, 'VERTEX'], [10, 0], [20, 0], [42, 0.5], [0, 'VERTEX'], [10, 3], [20, 4], [0, 'SEQEND'],
          [0, 'INSERT'], [2, 'B'], [10, 5], [20, 5],
        ],
        { blocks: [[0, 'BLOCK'], [2, 'B'], [10, 0], [20, 0], [0, 'CIRCLE'], [10, 0], [20, 0], [40, 2], [0, 'ENDBLK']] },
      ),
    );
    fc.assert(
      fc.property(byteMutation(), (mutate) => {
        const result = inspectDxf(mutate(valid), defaultInspectLimits);
        if (!result.ok) {
          expect(result.finding.severity).toBe('error');
          expect(result.finding.code).toMatch(/^dxf\.[a-z_]+$/);
        } else {
          expect(result.facts.kind).toBe('dxf');
        }
      }),
      { numRuns: 1500 },
    );
  });
});
