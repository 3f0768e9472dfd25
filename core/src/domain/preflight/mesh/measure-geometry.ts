import type { Vec3 } from '../facts.ts';

export interface GeometryMeasure {
  min: Vec3;
  max: Vec3;
  /** Sum of signed tetrahedra from the origin; negative when the surface faces inwards. */
  signedVolume: number;
  area: number;
  degenerate: number;
  invertedNormals: number;
  /** Triangles with a NaN or infinite coordinate; the other figures leave them out. */
  nonFinite: number;
}

/**
 * A triangle is degenerate when its height is below a millionth of its longest edge:
 * "zero area" once float rounding of the corners is allowed for.
 */
const DEGENERATE = 1e-12;
/** A stored normal counts as inverted only when clearly against the winding (|cos| > 0.001). */
const NORMAL_AGREEMENT = 1e-6;

const MIN_X = 0, MIN_Y = 1, MIN_Z = 2, MAX_X = 3, MAX_Y = 4, MAX_Z = 5;
const VOLUME6 = 6, AREA2 = 7, DEGENERATES = 8, INVERTED = 9, NON_FINITE = 10, COUNTED = 11;

/** Running totals for accumulateGeometry, so a reader can measure block by block while the data is in cache. */
export function geometryAccumulator(): Float64Array {
  return new Float64Array([Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity, 0, 0, 0, 0, 0, 0]);
}

/**
 * A run of triangle records in a float array: `count` records `stride` floats apart from
 * `at`, being triangles first, first + step, first + 2·step… of the mesh (binary STL is
 * read as runs of even and of odd records, so step is 2 there).
 */
export interface TriangleRecords {
  source: Float32Array;
  at: number;
  stride: number;
  count: number;
  /** Records start with the stored facet normal (STL), then the nine corner floats. */
  withNormals: boolean;
  first: number;
  step: number;
}

/**
 * Bounding box, volume, area, degenerate and inverted triangles of a run of records,
 * added to `acc`; when `target` is given the corners are copied there (nine floats per
 * triangle) in the same pass, while they are in registers. Totals are doubles;
 * coordinates stay float32.
 */
export function accumulateGeometry(acc: Float64Array, records: TriangleRecords, target?: Float32Array): void {
  const { source: p, stride, count, withNormals } = records;
  const targetStride = records.step * 9;
  const cornerShift = withNormals ? 3 : 0;
  let minX = acc[MIN_X]!, minY = acc[MIN_Y]!, minZ = acc[MIN_Z]!;
  let maxX = acc[MAX_X]!, maxY = acc[MAX_Y]!, maxZ = acc[MAX_Z]!;
  let volume6 = acc[VOLUME6]!, area2 = acc[AREA2]!;
  let degenerate = acc[DEGENERATES]!, inverted = acc[INVERTED]!, nonFinite = acc[NON_FINITE]!;
  for (let k = 0, r = records.at, o = records.first * 9; k < count; k++, r += stride, o += targetStride) {
    const i = r + cornerShift;
    const ax = p[i]!, ay = p[i + 1]!, az = p[i + 2]!;
    const bx = p[i + 3]!, by = p[i + 4]!, bz = p[i + 5]!;
    const cx = p[i + 6]!, cy = p[i + 7]!, cz = p[i + 8]!;
    if (target) {
      target[o] = ax;
      target[o + 1] = ay;
      target[o + 2] = az;
      target[o + 3] = bx;
      target[o + 4] = by;
      target[o + 5] = bz;
      target[o + 6] = cx;
      target[o + 7] = cy;
      target[o + 8] = cz;
    }
    const sum = ax + ay + az + bx + by + bz + cx + cy + cz;
    if (sum - sum !== 0) {
      nonFinite += 1;
      continue;
    }
    if (ax < minX) minX = ax;
    if (ax > maxX) maxX = ax;
    if (bx < minX) minX = bx;
    if (bx > maxX) maxX = bx;
    if (cx < minX) minX = cx;
    if (cx > maxX) maxX = cx;
    if (ay < minY) minY = ay;
    if (ay > maxY) maxY = ay;
    if (by < minY) minY = by;
    if (by > maxY) maxY = by;
    if (cy < minY) minY = cy;
    if (cy > maxY) maxY = cy;
    if (az < minZ) minZ = az;
    if (az > maxZ) maxZ = az;
    if (bz < minZ) minZ = bz;
    if (bz > maxZ) maxZ = bz;
    if (cz < minZ) minZ = cz;
    if (cz > maxZ) maxZ = cz;

    volume6 += ax * (by * cz - bz * cy) + ay * (bz * cx - bx * cz) + az * (bx * cy - by * cx);

    const ux = bx - ax, uy = by - ay, uz = bz - az;
    const vx = cx - ax, vy = cy - ay, vz = cz - az;
    const nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
    const cross2 = nx * nx + ny * ny + nz * nz;
    area2 += Math.sqrt(cross2);

    // Scale by the two edges from a (within a factor of four of the longest edge squared).
    const scale = ux * ux + uy * uy + uz * uz + vx * vx + vy * vy + vz * vz;
    if (cross2 <= DEGENERATE * scale * scale) {
      degenerate += 1;
      continue;
    }
    if (withNormals) {
      const sx = p[r]!, sy = p[r + 1]!, sz = p[r + 2]!;
      const dot = sx * nx + sy * ny + sz * nz;
      if (dot < 0 && dot * dot > NORMAL_AGREEMENT * (sx * sx + sy * sy + sz * sz) * cross2) inverted += 1;
    }
  }
  acc[MIN_X] = minX;
  acc[MIN_Y] = minY;
  acc[MIN_Z] = minZ;
  acc[MAX_X] = maxX;
  acc[MAX_Y] = maxY;
  acc[MAX_Z] = maxZ;
  acc[VOLUME6] = volume6;
  acc[AREA2] = area2;
  acc[DEGENERATES] = degenerate;
  acc[INVERTED] = inverted;
  acc[NON_FINITE] = nonFinite;
  acc[COUNTED] = acc[COUNTED]! + count;
}

export function geometryResult(acc: Float64Array): GeometryMeasure {
  const nonFinite = acc[NON_FINITE]!;
  const empty = acc[COUNTED]! - nonFinite === 0;
  return {
    min: empty ? { x: 0, y: 0, z: 0 } : { x: acc[MIN_X]!, y: acc[MIN_Y]!, z: acc[MIN_Z]! },
    max: empty ? { x: 0, y: 0, z: 0 } : { x: acc[MAX_X]!, y: acc[MAX_Y]!, z: acc[MAX_Z]! },
    signedVolume: acc[VOLUME6]! / 6,
    area: acc[AREA2]! / 2,
    degenerate: acc[DEGENERATES]!,
    invertedNormals: acc[INVERTED]!,
    nonFinite,
  };
}

/**
 * All records in one pass, in blocks: V8 optimises a function called many times with
 * full type feedback, whereas one long call runs on-stack-replaced code that deoptimises
 * at its first unseen path (measured: several times slower).
 */
export function measureRecords(records: TriangleRecords, target?: Float32Array): GeometryMeasure {
  const acc = geometryAccumulator();
  for (let done = 0; done < records.count; done += GEOMETRY_BLOCK) {
    const run = { ...records, at: records.at + done * records.stride, count: Math.min(GEOMETRY_BLOCK, records.count - done), first: records.first + done * records.step };
    accumulateGeometry(acc, run, target);
  }
  return geometryResult(acc);
}

/** A triangle soup's geometry. */
export function measureGeometry(positions: Float32Array): GeometryMeasure {
  return measureRecords({ source: positions, at: 0, stride: 9, count: Math.floor(positions.length / 9), withNormals: false, first: 0, step: 1 });
}

const GEOMETRY_BLOCK = 4096;
