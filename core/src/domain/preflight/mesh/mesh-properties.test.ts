import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InspectLimits, Inspection } from '../facts.ts';
import { defaultInspectLimits } from '../limits.ts';
import { asciiStl, binaryStl, cube, modelXml, RELS, text, threeMf, zip64 } from './fixtures/mesh-fixtures.ts';
import { inspect3mf, inspectObj, inspectStl } from './index.ts';

/** Small caps so a mutation that inflates or multiplies something stays quick. */
const limits: InspectLimits = { ...defaultInspectLimits, maxTriangles: 100_000, maxUncompressedBytes: 4 * 1024 * 1024 };

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; edits: { at: number; value: number }[] }
  | { kind: 'count'; value: number }
  | { kind: 'splice'; at: number; remove: number; insert: Uint8Array }
  | { kind: 'repeat'; from: number; length: number; to: number };

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: position }).map((m) => m as unknown as Mutation),
  fc.record({ kind: fc.constant('flip' as const), edits: fc.array(fc.record({ at: position, value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 }) }).map((m) => m as unknown as Mutation),
  fc.record({ kind: fc.constant('count' as const), value: fc.oneof(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 40 })) }),
  fc.record({ kind: fc.constant('splice' as const), at: position, remove: fc.integer({ min: 0, max: 64 }), insert: fc.uint8Array({ maxLength: 64 }) }).map((m) => m as unknown as Mutation),
  fc.record({ kind: fc.constant('repeat' as const), from: position, length: fc.integer({ min: 1, max: 200 }), to: position }).map((m) => m as unknown as Mutation),
);

function apply(bytes: Uint8Array, m: Mutation): Uint8Array {
  const at = (fraction: number) => Math.floor(fraction * bytes.length);
  switch (m.kind) {
    case 'truncate':
      return bytes.slice(0, at(m.at));
    case 'flip': {
      const out = bytes.slice();
      for (const edit of m.edits) out[at(edit.at)] = edit.value;
      return out;
    }
    case 'count': {
      const out = bytes.slice();
      if (out.length >= 84) new DataView(out.buffer).setUint32(80, m.value, true);
      return out;
    }
    case 'splice': {
      const start = at(m.at);
      return concat(bytes.subarray(0, start), m.insert, bytes.subarray(Math.min(bytes.length, start + m.remove)));
    }
    case 'repeat': {
      const from = at(m.from);
      const to = at(m.to);
      return concat(bytes.subarray(0, to), bytes.subarray(from, from + m.length), bytes.subarray(to));
    }
  }
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function assertWellFormed(inspection: Inspection): void {
  if (inspection.ok) {
    const facts = inspection.facts;
    if (!('triangles' in facts)) throw new Error('mesh inspection without mesh facts');
    for (const value of [facts.triangles, facts.volumeMm3, facts.surfaceAreaMm2, facts.boundingBoxMm.size.x, facts.boundingBoxMm.size.y, facts.boundingBoxMm.size.z]) {
      expect(Number.isFinite(value)).toBe(true);
    }
    expect(facts.triangles).toBeGreaterThan(0);
    for (const finding of inspection.findings) expect(finding.message.length).toBeGreaterThan(0);
  } else {
    expect(inspection.finding.severity).toBe('error');
    expect(inspection.finding.message.length).toBeGreaterThan(0);
    expect(inspection.finding.fix?.length).toBeGreaterThan(0);
    // The catch-all in inspect-mesh.ts means a reader missed a case: that is a bug.
    expect(inspection.finding.code).not.toBe('mesh.unreadable');
  }
}

const twoCubes = [...cube(10), ...cube(3, [15, 0, 0])];
const samples: [string, Uint8Array, (bytes: Uint8Array, limits: InspectLimits) => Inspection][] = [
  ['binary STL', binaryStl(twoCubes), inspectStl],
  ['ASCII STL', text(asciiStl(twoCubes)), inspectStl],
  ['OBJ', text(`o a\n${twoCubes.flat().map((p) => `v ${p.join(' ')}`).join('\n')}\n${twoCubes.map((_, t) => `f ${t * 3 + 1} ${t * 3 + 2}/1 -${twoCubes.length * 3 - t * 3 - 2}//3`).join('\n')}\n`), inspectObj],
  ['3MF (deflated)', threeMf(modelXml({ unit: 'inch', meshes: { '1': twoCubes }, items: [{ objectid: '1' }] })), inspect3mf],
  ['3MF (ZIP64 records)', zip64({ '_rels/.rels': RELS, '3D/3dmodel.model': modelXml({ unit: 'centimeter', meshes: { '1': twoCubes }, items: [{ objectid: '1' }] }) }), inspect3mf],
  ['3MF (stored)', threeMf(modelXml({ meshes: { '1': cube(10) }, composites: { '2': [{ objectid: '1', transform: '1 0 0 0 1 0 0 0 1 5 5 5' }] }, items: [{ objectid: '2' }] }), {}, 0), inspect3mf],
];

describe('mutated mesh files never crash the inspector', () => {
  for (const [name, bytes, inspect] of samples) {
    it(`${name}: the unmutated file reads`, () => {
      expect(inspect(bytes, limits).ok).toBe(true);
    });

    it(`${name}: any mutation gives an Inspection, and a failure carries an error finding`, () => {
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
          const mutated = mutations.reduce(apply, bytes);
          assertWellFormed(inspect(mutated, limits));
        }),
        { numRuns: 300 },
      );
    });
  }

  it('arbitrary bytes given to every reader', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        for (const [, , inspect] of samples) assertWellFormed(inspect(bytes, limits));
      }),
      { numRuns: 300 },
    );
  });
});
