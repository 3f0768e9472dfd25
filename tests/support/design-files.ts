/** Small real design files for end-to-end tests, made in code so their numbers are known. */

type Vec = [number, number, number];

/**
 * A binary STL of an axis-aligned cube with outward winding; `openFace` leaves the top
 * face out (a hole of 4 open edges), `inverted` flips every triangle's winding.
 */
export function cubeStl(size: number, options: { openFace?: boolean; inverted?: boolean } = {}): Uint8Array {
  const s = size;
  const v: Vec[] = [[0, 0, 0], [s, 0, 0], [s, s, 0], [0, s, 0], [0, 0, s], [s, 0, s], [s, s, s], [0, s, s]];
  const faces: [number, number, number][] = [
    [0, 2, 1], [0, 3, 2], // bottom (normal -z)
    [0, 1, 5], [0, 5, 4], // front (-y)
    [1, 2, 6], [1, 6, 5], // right (+x)
    [2, 3, 7], [2, 7, 6], // back (+y)
    [3, 0, 4], [3, 4, 7], // left (-x)
    ...(options.openFace ? [] : ([[4, 5, 6], [4, 6, 7]] as [number, number, number][])), // top (+z)
  ];
  const triangles = faces.map(([a, b, c]) => (options.inverted ? [v[a]!, v[c]!, v[b]!] : [v[a]!, v[b]!, v[c]!]));
  const bytes = new Uint8Array(84 + 50 * triangles.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(80, triangles.length, true);
  triangles.forEach((triangle, i) => {
    const at = 84 + 50 * i;
    const [p, q, r] = triangle;
    const u = [q![0] - p![0], q![1] - p![1], q![2] - p![2]];
    const w = [r![0] - p![0], r![1] - p![1], r![2] - p![2]];
    const n = [u[1]! * w[2]! - u[2]! * w[1]!, u[2]! * w[0]! - u[0]! * w[2]!, u[0]! * w[1]! - u[1]! * w[0]!];
    const length = Math.hypot(n[0]!, n[1]!, n[2]!) || 1;
    n.forEach((value, k) => view.setFloat32(at + 4 * k, value / length, true));
    triangle.forEach((point, j) => point.forEach((value, k) => view.setFloat32(at + 12 + 12 * j + 4 * k, value, true)));
  });
  return bytes;
}
