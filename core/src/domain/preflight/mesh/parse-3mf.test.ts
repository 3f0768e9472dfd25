import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { MeshFacts } from '../facts.ts';
import { defaultInspectLimits } from '../limits.ts';
import { cube, lieAboutSize, modelXml, RELS, threeMf, zip64 } from './fixtures/mesh-fixtures.ts';
import { inspect3mf } from './index.ts';

const limits = defaultInspectLimits;
const translate = (x: number, y: number, z: number) => `1 0 0 0 1 0 0 0 1 ${x} ${y} ${z}`;

function facts(bytes: Uint8Array, overrides: Partial<typeof limits> = {}): MeshFacts {
  const inspection = inspect3mf(bytes, { ...limits, ...overrides });
  if (!inspection.ok) throw new Error(`${inspection.finding.code}: ${inspection.finding.message}`);
  return inspection.facts as MeshFacts;
}

describe('3MF', () => {
  it('reads a millimetre cube', () => {
    expect(facts(threeMf(modelXml({ meshes: { '1': cube(10) }, items: [{ objectid: '1' }] })))).toMatchObject({
      kind: '3mf',
      encoding: '3mf',
      units: 'millimeter',
      triangles: 12,
      volumeMm3: 1000,
      surfaceAreaMm2: 600,
      watertight: true,
      shells: 1,
      objects: 1,
    });
  });

  it('converts inches (and every other 3MF unit) to millimetres', () => {
    const inches = facts(threeMf(modelXml({ unit: 'inch', meshes: { '1': cube(1) }, items: [{ objectid: '1' }] })));
    expect(inches.units).toBe('inch');
    expect(inches.boundingBoxMm.size).toEqual({ x: 25.4, y: 25.4, z: 25.4 });
    expect(inches.volumeMm3).toBeCloseTo(25.4 ** 3, 1);
    expect(inches.surfaceAreaMm2).toBeCloseTo(6 * 25.4 ** 2, 2);
    for (const [unit, mm] of [['micron', 0.001], ['millimeter', 1], ['centimeter', 10], ['foot', 304.8], ['meter', 1000]] as const) {
      expect(facts(threeMf(modelXml({ unit, meshes: { '1': cube(2) }, items: [{ objectid: '1' }] }))).boundingBoxMm.size.x).toBeCloseTo(2 * mm, 6);
    }
  });

  it('refuses a unit 3MF does not define', () => {
    expect(inspect3mf(threeMf(modelXml({ unit: 'furlong', meshes: { '1': cube(1) }, items: [{ objectid: '1' }] })), limits)).toMatchObject({
      ok: false,
      finding: { code: '3mf.unknown_unit', severity: 'error' },
    });
  });

  it('places components and build items by their transforms, counting build items as objects', () => {
    const model = modelXml({
      meshes: { '1': cube(10) },
      composites: { '2': [{ objectid: '1' }, { objectid: '1', transform: translate(20, 0, 0) }] },
      items: [{ objectid: '2', transform: translate(0, 0, 5) }, { objectid: '1', transform: `2 0 0 0 2 0 0 0 2 0 50 0` }],
    });
    const result = facts(threeMf(model));
    expect(result).toMatchObject({ triangles: 36, shells: 3, objects: 2, watertight: true });
    expect(result.boundingBoxMm.min).toEqual({ x: 0, y: 0, z: 0 });
    expect(result.boundingBoxMm.max).toEqual({ x: 30, y: 70, z: 20 });
    expect(result.volumeMm3).toBeCloseTo(1000 + 1000 + 8000, 6);
  });

  it('rotating transforms keep volume and watertightness', () => {
    const quarterTurn = '0 1 0 -1 0 0 0 0 1 0 0 0';
    const result = facts(threeMf(modelXml({ meshes: { '1': cube(10) }, items: [{ objectid: '1', transform: quarterTurn }] })));
    expect(result.boundingBoxMm.min).toEqual({ x: -10, y: 0, z: 0 });
    expect(result.volumeMm3).toBeCloseTo(1000, 6);
    expect(result.watertight).toBe(true);
  });

  it('follows a production-extension component into another model part', () => {
    const part = modelXml({ meshes: { '7': cube(10) }, items: [] });
    const root = modelXml({ composites: { '1': [{ objectid: '7', path: '/3D/Objects/part.model', transform: translate(1, 2, 3) }] }, items: [{ objectid: '1' }] });
    const result = facts(threeMf(root, { '3D/Objects/part.model': part }));
    expect(result.boundingBoxMm.min).toEqual({ x: 1, y: 2, z: 3 });
    expect(result.triangles).toBe(12);
  });

  it('finds the model without _rels/.rels at the conventional path, and through a rels file pointing elsewhere', () => {
    const model = strToU8(modelXml({ meshes: { '1': cube(10) }, items: [{ objectid: '1' }] }));
    expect(facts(zipSync({ '3D/3dmodel.model': model })).triangles).toBe(12);
    const rels = RELS.replace('/3D/3dmodel.model', '/3D/other.model');
    expect(facts(zipSync({ '_rels/.rels': strToU8(rels), '3D/other.model': model })).triangles).toBe(12);
    expect(inspect3mf(zipSync({ 'readme.txt': strToU8('hello') }), limits)).toMatchObject({ ok: false, finding: { code: '3mf.no_model' } });
  });

  it('reads archives written the ZIP64 way (sizes and directory in ZIP64 records)', () => {
    const bytes = zip64({ '_rels/.rels': RELS, '3D/3dmodel.model': modelXml({ meshes: { '1': cube(10) }, items: [{ objectid: '1' }] }) });
    expect(facts(bytes)).toMatchObject({ triangles: 12, volumeMm3: 1000, watertight: true });
    expect(inspect3mf(bytes.subarray(0, bytes.length - 30), limits)).toMatchObject({ ok: false, finding: { severity: 'error' } });
  });

  it('reads stored (uncompressed) entries too', () => {
    expect(facts(threeMf(modelXml({ meshes: { '1': cube(10) }, items: [{ objectid: '1' }] }), {}, 0)).triangles).toBe(12);
  });

  it('refuses broken references, cycles, bad indices and empty builds', () => {
    const cases: [string, string][] = [
      [modelXml({ meshes: { '1': cube(10) }, items: [{ objectid: '9' }] }), '3mf.bad_reference'],
      [modelXml({ composites: { '1': [{ objectid: '2' }], '2': [{ objectid: '1' }] }, items: [{ objectid: '1' }] }), '3mf.component_cycle'],
      [modelXml({ meshes: { '1': cube(10) }, items: [{ objectid: '1' }] }).replace('v3="2"', 'v3="99"'), '3mf.bad_index'],
      [modelXml({ meshes: { '1': cube(10) }, items: [] }), 'mesh.empty'],
      [modelXml({ meshes: { '1': cube(10) }, items: [{ objectid: '1', transform: '1 0 0' }] }), '3mf.bad_transform'],
      [modelXml({ meshes: { '1': cube(10) }, items: [{ objectid: '1' }] }).replace('x="10"', 'x="ten"'), '3mf.bad_number'],
      [modelXml({ meshes: { '1': cube(10) }, items: [{ objectid: '1' }] }).replace('</resources>', ''), 'xml.malformed'],
      [modelXml({ composites: { '1': [{ objectid: '7', path: '/3D/missing.model' }] }, items: [{ objectid: '1' }] }), '3mf.missing_part'],
    ];
    for (const [model, code] of cases) {
      const inspection = inspect3mf(threeMf(model), limits);
      expect(inspection, code).toMatchObject({ ok: false, kind: '3mf', finding: { code, severity: 'error' } });
    }
  });
});

describe('3MF: hostile archives', () => {
  const valid = () => modelXml({ meshes: { '1': cube(10) }, items: [{ objectid: '1' }] });

  it('a zip bomb is stopped at the uncompressed cap, whatever the header claims', () => {
    const zeros = new Uint8Array(8 * 1024 * 1024);
    const bomb = threeMf(valid(), { 'Metadata/thumbnail.png': zeros });
    const small = { maxUncompressedBytes: 4 * 1024 * 1024 };
    // Honest header: refused from the directory alone.
    expect(inspect3mf(bomb, { ...limits, ...small })).toMatchObject({ ok: false, finding: { code: 'zip.too_large', severity: 'error' } });
    // A header that lies low: refused while inflating, at the cap.
    const model = modelXml({ meshes: { '1': cube(10) }, items: [{ objectid: '1' }] }).replace('</model>', `<!-- ${'x'.repeat(100)} --></model>`);
    const padded = new Uint8Array(8 * 1024 * 1024);
    padded.set(strToU8(model));
    padded.fill(32, model.length);
    const liar = lieAboutSize(threeMf('', { '3D/3dmodel.model': padded }), '3D/3dmodel.model', 1000);
    const inspection = inspect3mf(liar, { ...limits, ...small, maxCompressionRatio: 100_000 });
    expect(inspection).toMatchObject({ ok: false, finding: { code: 'zip.too_large' } });
  });

  it('a zip bomb is stopped by its compression ratio', () => {
    const padded = new Uint8Array(16 * 1024 * 1024).fill(32);
    padded.set(strToU8(valid()));
    const inspection = inspect3mf(threeMf('', { '3D/3dmodel.model': padded }), { ...limits, maxCompressionRatio: 200 });
    expect(inspection).toMatchObject({ ok: false, finding: { code: 'zip.ratio', severity: 'error' } });
    expect(!inspection.ok && inspection.finding.message).toContain('200 times');
  });

  it('a billion-laughs DOCTYPE is refused before any entity is expanded', () => {
    const laughs = ['<!DOCTYPE model [', '<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`), ']>'].join('\n');
    const model = modelXml({ meshes: { '1': cube(10) }, items: [{ objectid: '1' }], prolog: `${laughs}\n` }).replace('type="model"', 'type="model" name="&lol9;"');
    const inspection = inspect3mf(threeMf(model), limits);
    expect(inspection).toMatchObject({ ok: false, finding: { code: 'xml.doctype', severity: 'error' } });
  });

  it('an external-entity DOCTYPE in the relationships file is refused too', () => {
    const rels = RELS.replace('<Relationships', '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><Relationships');
    const bytes = zipSync({ '_rels/.rels': strToU8(rels), '3D/3dmodel.model': strToU8(valid()) });
    expect(inspect3mf(bytes, limits)).toMatchObject({ ok: false, finding: { code: 'xml.doctype' } });
  });

  it('entries that climb out of the archive are refused', () => {
    for (const name of ['../../etc/passwd', '/etc/passwd', '3D\\..\\..\\evil.model', 'C:/Windows/evil.dll', '3D/../../evil']) {
      const inspection = inspect3mf(threeMf(valid(), { [name]: 'x' }), limits);
      expect(inspection, name).toMatchObject({ ok: false, finding: { code: 'zip.path_traversal', severity: 'error' } });
    }
    const rels = RELS.replace('/3D/3dmodel.model', '/../../3dmodel.model');
    expect(inspect3mf(zipSync({ '_rels/.rels': strToU8(rels), '3D/3dmodel.model': strToU8(valid()) }), limits)).toMatchObject({
      ok: false,
      finding: { code: 'zip.path_traversal' },
    });
  });

  it('too many entries are refused from the directory count', () => {
    const extra = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`Metadata/${i}.txt`, 'x']));
    const inspection = inspect3mf(threeMf(valid(), extra), { ...limits, maxZipEntries: 10 });
    expect(inspection).toMatchObject({ ok: false, finding: { code: 'zip.too_many_entries' } });
    expect(!inspection.ok && inspection.finding.message).toContain('23 entries');
  });

  it('instancing an object a million times is refused before anything is expanded', () => {
    const tenOf = (id: string) => Array.from({ length: 10 }, (_, i) => ({ objectid: id, transform: translate(i * 20, 0, 0) }));
    const model = modelXml({
      meshes: { '1': cube(10) },
      composites: { '2': tenOf('1'), '3': tenOf('2'), '4': tenOf('3'), '5': tenOf('4'), '6': tenOf('5'), '7': tenOf('6') },
      items: [{ objectid: '7' }],
    });
    const inspection = inspect3mf(threeMf(model), { ...limits, maxTriangles: 1_000_000 });
    expect(inspection).toMatchObject({ ok: false, finding: { code: 'mesh.too_many_triangles' } });
    expect(!inspection.ok && inspection.finding.message).toContain('12,000,000');
  });

  it('a truncated archive is reported as cut short', () => {
    const bytes = threeMf(valid());
    expect(inspect3mf(bytes.subarray(0, bytes.length - 30), limits)).toMatchObject({ ok: false, finding: { code: 'file.truncated' } });
    expect(inspect3mf(bytes.subarray(0, bytes.length / 2), limits)).toMatchObject({ ok: false, finding: { severity: 'error' } });
  });

  it('caps XML depth and element count', () => {
    const deep = valid().replace('<resources>', `${'<x>'.repeat(300)}${'</x>'.repeat(300)}<resources>`);
    expect(inspect3mf(threeMf(deep), limits)).toMatchObject({ ok: false, finding: { code: 'xml.too_deep' } });
    const wide = valid().replace('<resources>', `${'<x/>'.repeat(500)}<resources>`);
    expect(inspect3mf(threeMf(wide), { ...limits, maxXmlElements: 100 })).toMatchObject({ ok: false, finding: { code: 'xml.too_many_elements' } });
    // Mesh data itself is capped by the triangle limit, not the element limit.
    expect(inspect3mf(threeMf(valid()), { ...limits, maxXmlElements: 20 }).ok).toBe(true);
  });
});

describe('3MF: placements of empty objects', () => {
  it('nesting empty objects a billion times is refused before any is placed', () => {
    const tenOf = (id: string) => Array.from({ length: 10 }, () => ({ objectid: id }));
    const composites: Record<string, { objectid: string }[]> = { '1': [] };
    for (let level = 2; level <= 10; level++) composites[String(level)] = tenOf(String(level - 1));
    const model = modelXml({ composites, items: [{ objectid: '10' }] }).replace('<object id="1" type="model"><components></components></object>', '<object id="1" type="model"><mesh><vertices/><triangles/></mesh></object>');
    const inspection = inspect3mf(threeMf(model), limits);
    expect(inspection).toMatchObject({ ok: false, finding: { code: '3mf.too_many_placements', severity: 'error' } });
  });

  it('a model whose objects are all empty is an empty mesh', () => {
    const model = modelXml({ meshes: { '1': [] }, items: [{ objectid: '1' }] });
    expect(inspect3mf(threeMf(model), limits)).toMatchObject({ ok: false, finding: { code: 'mesh.empty' } });
  });
});
