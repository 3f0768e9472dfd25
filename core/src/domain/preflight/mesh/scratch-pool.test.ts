import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Inspection } from '../facts.ts';
import { defaultInspectLimits } from '../limits.ts';
import { asciiStl, binaryStl, cube, text, type Point, type Triangle } from './fixtures/mesh-fixtures.ts';
import { inspectStl } from './index.ts';
import { heldScratchBytes, KEPT_BYTES, MeshScratch } from './scratch-pool.ts';

/** A closed torus whose every triangle shares its corners with its neighbours. */
function gridTorus(major: number, minor: number): Triangle[] {
  const at = (i: number, j: number): Point => {
    const u = (2 * Math.PI * (i % major)) / major;
    const v = (2 * Math.PI * (j % minor)) / minor;
    return [Math.fround((40 + 15 * Math.cos(v)) * Math.cos(u)), Math.fround((40 + 15 * Math.cos(v)) * Math.sin(u)), Math.fround(15 * Math.sin(v))];
  };
  const triangles: Triangle[] = [];
  for (let i = 0; i < major; i++) {
    for (let j = 0; j < minor; j++) triangles.push([at(i, j), at(i + 1, j), at(i + 1, j + 1)], [at(i, j), at(i + 1, j + 1), at(i, j + 1)]);
  }
  return triangles;
}

/** Triangles sharing no corner at all: the weld's table and vertex array must grow mid-check. */
function looseTriangles(count: number): Triangle[] {
  return Array.from({ length: count }, (_, i): Triangle => [
    [i, 0, 0],
    [i, 1, 0],
    [i, 0, 1],
  ]);
}

/** The files a worker thread might be handed in a row: binary and ASCII STL, big and small, closed and open. */
const files: Record<string, Uint8Array> = {
  'big torus (binary)': binaryStl(gridTorus(120, 90)),
  'cube with a hole (binary)': binaryStl(cube(10).slice(2)),
  'loose triangles (binary)': binaryStl(looseTriangles(3000)),
  'torus with a hole (ASCII)': text(asciiStl(gridTorus(40, 30).slice(1))),
  'two cubes (ASCII)': text(asciiStl([...cube(10), ...cube(5, [20, 0, 0])])),
};
const names = Object.keys(files);

/** The facts of each file as the first check a thread ever makes, from a freshly loaded module. */
async function freshInspections(): Promise<Record<string, Inspection>> {
  const fresh: Record<string, Inspection> = {};
  for (const name of names) {
    vi.resetModules();
    const mesh = await import('./index.ts');
    fresh[name] = mesh.inspectStl(files[name]!, defaultInspectLimits);
  }
  return fresh;
}

describe('mesh scratch kept between checks', () => {
  it('a big mesh, then a small one with a hole, and back: each gives exactly the facts of a fresh check', async () => {
    const fresh = await freshInspections();
    expect(fresh['cube with a hole (binary)']).toMatchObject({ ok: true, facts: { watertight: false, openEdges: 4 } });
    expect(fresh['big torus (binary)']).toMatchObject({ ok: true, facts: { watertight: true, shells: 1 } });
    const order = ['big torus (binary)', 'cube with a hole (binary)', 'big torus (binary)', 'cube with a hole (binary)', 'loose triangles (binary)', 'cube with a hole (binary)', 'torus with a hole (ASCII)', 'two cubes (ASCII)', 'big torus (binary)'];
    for (const name of order) expect(inspectStl(files[name]!, defaultInspectLimits), name).toEqual(fresh[name]);
  });

  it('any order of checks gives every file the facts of a fresh check', async () => {
    const fresh = await freshInspections();
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...names), { minLength: 2, maxLength: 8 }), (order) => {
        for (const name of order) expect(inspectStl(files[name]!, defaultInspectLimits)).toEqual(fresh[name]);
      }),
      { numRuns: 30 },
    );
  });

  it('keeps what a check used, within the cap', () => {
    inspectStl(files['big torus (binary)']!, defaultInspectLimits);
    expect(heldScratchBytes()).toBeGreaterThan(0);
    expect(heldScratchBytes()).toBeLessThanOrEqual(KEPT_BYTES);
  });

  it('lets go of the largest buffers first when over the cap, and clears only the prefix asked for', () => {
    const scratch = new MeshScratch();
    scratch.words('corners', 300).fill(7);
    scratch.words('table', 1000).fill(7);
    scratch.words('vertices', 200).fill(7);
    expect(scratch.heldBytes).toBe(6000);
    expect(scratch.zeroed('corners', 100).every((word) => word === 0)).toBe(true);
    expect(scratch.words('corners', 300)[100]).toBe(7);
    scratch.trim(2500);
    expect(scratch.heldBytes).toBe(2000);
    // The table went; asking for it again gives new, zeroed memory.
    expect(scratch.words('table', 10).every((word) => word === 0)).toBe(true);
  });

  it('keeps what was written when the vertex array grows, in place or into a new buffer', () => {
    const scratch = new MeshScratch();
    const first = scratch.grownFloats('vertices', 4);
    first.set([1, 2, 3, 4]);
    const larger = scratch.grownFloats('vertices', 16, first);
    expect(Array.from(larger.subarray(0, 4))).toEqual([1, 2, 3, 4]);
    larger[10] = 5;
    const smaller = scratch.grownFloats('vertices', 12, larger.subarray(0, 11));
    expect(smaller.buffer).toBe(larger.buffer);
    expect(smaller[10]).toBe(5);
  });
});
