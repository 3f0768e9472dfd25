import { PNG } from 'pngjs';
import type { InspectLimits } from '../../domain/preflight/facts.ts';
import { defaultInspectLimits } from '../../domain/preflight/limits.ts';
import { parse3mf, parseObj, parseStl } from '../../domain/preflight/mesh/index.ts';
import { BadRequestError } from '../../errors.ts';
import type { ThumbnailOptions } from './render-svg-thumbnail.ts';

const BACKGROUND = [246, 247, 249] as const;
const BASE = [74, 134, 200] as const;
const AMBIENT = 0.28;
const DIFFUSE = 0.72;
/** Room left around the model, as a share of the image. */
const MARGIN = 0.06;

/** Looking down at the part from the front right, 35° above the plate (Z is up, as on a printer). */
const toCamera = normalize([1, -1, 0.82]);
const right = normalize(cross([0, 0, 1], toCamera));
const up = cross(toCamera, right);
/** Light from above the viewer's left shoulder, so the three visible faces of a box differ. */
const light = normalize([0.35, -1, 1.6]);

/**
 * A mesh file's thumbnail: read with the same caps as preflight (a file preflight refuses
 * gets no thumbnail, with the same finding code), then drawn by renderMeshThumbnail.
 */
export function renderMeshFileThumbnail(bytes: Uint8Array, kind: 'stl' | 'obj' | '3mf', options: ThumbnailOptions & { limits?: Partial<InspectLimits> }): Uint8Array {
  const limits = { ...defaultInspectLimits, ...options.limits };
  const parsed = kind === 'stl' ? parseStl(bytes, limits) : kind === 'obj' ? parseObj(bytes, limits) : parse3mf(bytes, limits);
  if (!parsed.ok) throw new BadRequestError(parsed.finding.message, { code: parsed.finding.code });
  return renderMeshThumbnail(parsed.mesh.positions, options);
}

/**
 * A shaded PNG of a triangle soup (nine floats per triangle, as the mesh readers return
 * it): software z-buffer, Lambert shading lit from both sides (inside-out or open meshes
 * still read as shapes), fitted to the model's projected extent. Hand-written because
 * three.js needs a WebGL context in Node; this needs none and runs nothing from the file.
 */
export function renderMeshThumbnail(positions: Float32Array, options: ThumbnailOptions): Uint8Array {
  const size = options.size;
  if (!Number.isInteger(size) || size < 8 || size > 4096) throw new RangeError(`A thumbnail size is a whole number of pixels from 8 to 4096, not ${size}.`);
  const png = new PNG({ width: size, height: size });
  const rgba = png.data;
  for (let i = 0; i < size * size; i++) rgba.set([BACKGROUND[0], BACKGROUND[1], BACKGROUND[2], 255], i * 4);

  const triangles = Math.floor(positions.length / 9);
  const screen = new Float32Array(triangles * 9);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < triangles * 9; i += 3) {
    const x = positions[i]!, y = positions[i + 1]!, z = positions[i + 2]!;
    const sx = x * right[0] + y * right[1] + z * right[2];
    const sy = x * up[0] + y * up[1] + z * up[2];
    screen[i] = sx;
    screen[i + 1] = sy;
    screen[i + 2] = x * toCamera[0] + y * toCamera[1] + z * toCamera[2];
    if (!Number.isFinite(sx + sy)) continue;
    if (sx < minX) minX = sx;
    if (sx > maxX) maxX = sx;
    if (sy < minY) minY = sy;
    if (sy > maxY) maxY = sy;
  }
  if (minX > maxX) return PNG.sync.write(png);

  const extent = Math.max(maxX - minX, maxY - minY) || 1;
  const scale = (size * (1 - 2 * MARGIN)) / extent;
  const centerX = (minX + maxX) / 2;
  const centerY = (minY + maxY) / 2;
  const depth = new Float32Array(size * size).fill(-Infinity);

  for (let t = 0; t < triangles; t++) {
    const i = t * 9;
    // Image coordinates: x to the right, y down; z grows towards the camera.
    const ax = (screen[i]! - centerX) * scale + size / 2, ay = size / 2 - (screen[i + 1]! - centerY) * scale, az = screen[i + 2]!;
    const bx = (screen[i + 3]! - centerX) * scale + size / 2, by = size / 2 - (screen[i + 4]! - centerY) * scale, bz = screen[i + 5]!;
    const cx = (screen[i + 6]! - centerX) * scale + size / 2, cy = size / 2 - (screen[i + 7]! - centerY) * scale, cz = screen[i + 8]!;
    const area = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
    if (!(Math.abs(area) > 1e-12)) continue;
    const shade = lambert(positions, i);
    const r = Math.round(BASE[0] * shade), g = Math.round(BASE[1] * shade), b = Math.round(BASE[2] * shade);
    const left = Math.max(0, Math.floor(Math.min(ax, bx, cx)));
    const rightEdge = Math.min(size - 1, Math.ceil(Math.max(ax, bx, cx)));
    const top = Math.max(0, Math.floor(Math.min(ay, by, cy)));
    const bottom = Math.min(size - 1, Math.ceil(Math.max(ay, by, cy)));
    for (let py = top; py <= bottom; py++) {
      const y = py + 0.5;
      for (let px = left; px <= rightEdge; px++) {
        const x = px + 0.5;
        // Barycentric weights from edge functions; either winding is drawn.
        const wa = ((bx - x) * (cy - y) - (by - y) * (cx - x)) / area;
        const wb = ((cx - x) * (ay - y) - (cy - y) * (ax - x)) / area;
        const wc = 1 - wa - wb;
        if (wa < 0 || wb < 0 || wc < 0) continue;
        const z = wa * az + wb * bz + wc * cz;
        const pixel = py * size + px;
        if (z <= depth[pixel]!) continue;
        depth[pixel] = z;
        rgba[pixel * 4] = r;
        rgba[pixel * 4 + 1] = g;
        rgba[pixel * 4 + 2] = b;
      }
    }
  }
  return new Uint8Array(PNG.sync.write(png));
}

function lambert(positions: Float32Array, i: number): number {
  const ux = positions[i + 3]! - positions[i]!, uy = positions[i + 4]! - positions[i + 1]!, uz = positions[i + 5]! - positions[i + 2]!;
  const vx = positions[i + 6]! - positions[i]!, vy = positions[i + 7]! - positions[i + 1]!, vz = positions[i + 8]! - positions[i + 2]!;
  const normal = normalize([uy * vz - uz * vy, uz * vx - ux * vz, ux * vy - uy * vx]);
  return AMBIENT + DIFFUSE * Math.abs(normal[0] * light[0] + normal[1] * light[1] + normal[2] * light[2]);
}

type Vector = [number, number, number];

function normalize([x, y, z]: Vector): Vector {
  const length = Math.hypot(x, y, z) || 1;
  return [x / length, y / length, z / length];
}

function cross(a: Vector, b: Vector): Vector {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}
