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

/**
 * Bounding box, volume, area, degenerate and inverted triangles in one pass over the
 * triangle soup, accumulated in doubles.
 */
export function measureGeometry(positions: Float32Array, normals?: Float32Array): GeometryMeasure {
  const triangles = Math.floor(positions.length / 9);
  let minX = Infinity, minY = Infinity, minZ = Infinity;
  let maxX = -Infinity, maxY = -Infinity, maxZ = -Infinity;
  let volume6 = 0;
  let area2 = 0;
  let degenerate = 0;
  let inverted = 0;
  let nonFinite = 0;
  const p = positions;
  for (let t = 0, i = 0; t < triangles; t++, i += 9) {
    const ax = p[i]!, ay = p[i + 1]!, az = p[i + 2]!;
    const bx = p[i + 3]!, by = p[i + 4]!, bz = p[i + 5]!;
    const cx = p[i + 6]!, cy = p[i + 7]!, cz = p[i + 8]!;
    const sum = ax + ay + az + bx + by + bz + cx + cy + cz;
    if (sum - sum !== 0) {
      nonFinite++;
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

    const wx = cx - bx, wy = cy - by, wz = cz - bz;
    const u2 = ux * ux + uy * uy + uz * uz, v2 = vx * vx + vy * vy + vz * vz, w2 = wx * wx + wy * wy + wz * wz;
    const longest2 = u2 > v2 ? (u2 > w2 ? u2 : w2) : v2 > w2 ? v2 : w2;
    if (cross2 <= DEGENERATE * longest2 * longest2) {
      degenerate++;
      continue;
    }
    if (normals) {
      const sx = normals[t * 3]!, sy = normals[t * 3 + 1]!, sz = normals[t * 3 + 2]!;
      const dot = sx * nx + sy * ny + sz * nz;
      if (dot < 0 && dot * dot > NORMAL_AGREEMENT * (sx * sx + sy * sy + sz * sz) * cross2) inverted++;
    }
  }
  const empty = triangles - nonFinite === 0;
  return {
    min: empty ? { x: 0, y: 0, z: 0 } : { x: minX, y: minY, z: minZ },
    max: empty ? { x: 0, y: 0, z: 0 } : { x: maxX, y: maxY, z: maxZ },
    signedVolume: volume6 / 6,
    area: area2 / 2,
    degenerate,
    invertedNormals: inverted,
    nonFinite,
  };
}
