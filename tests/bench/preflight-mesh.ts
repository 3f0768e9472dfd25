/**
 * `pnpm bench preflight-mesh [--triangles N] [--runs N]`: a closed binary STL torus of a
 * million-plus triangles, read by three.js STLLoader and by our reader, printed side by
 * side with the machine's memcpy rate for the same bytes. Fails only on a wrong answer
 * (triangle count, volume or area against the analytic torus, watertightness, shells, or
 * our positions differing from three.js's).
 */
import { parseArgs } from 'node:util';
import { STLLoader } from 'three/examples/jsm/loaders/STLLoader.js';
import { binaryStlTopology, inspectStl, measureBinaryStl, parseStl, seedFrom } from '../../core/src/domain/preflight/mesh/index.ts';
import { defaultInspectLimits } from '../../core/src/domain/preflight/limits.ts';

const R = 40;
const r = 15;

export async function run(args: string[]): Promise<number> {
  // Not strict: `pnpm bench preflight` passes the same arguments to the PDF half too.
  const { values } = parseArgs({ args, strict: false, options: { triangles: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '7' } } });
  const wanted = Number(values['triangles']);
  const runs = Number(values['runs']);
  if (!Number.isInteger(wanted) || wanted < 1000) throw new RangeError('--triangles must be an integer of at least 1000');
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError('--runs must be a positive integer');

  const { bytes, triangles, segments } = torusStl(wanted);
  const mb = bytes.length / 1e6;
  process.stderr.write(`bench preflight-mesh: torus ${segments.major}×${segments.minor}, ${triangles.toLocaleString('en')} triangles, ${mb.toFixed(1)} MB; ${runs} runs after 2 warm-ups\n`);

  const copy = new Uint8Array(bytes.length);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const target = Buffer.alloc(bytes.length);
  const loader = new STLLoader();
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

  const memcpy = best(runs, () => copy.set(bytes));
  const bufferCopy = best(runs, () => buffer.copy(target));
  const three = best(runs, () => loader.parse(arrayBuffer));
  // What the inspection does: bbox, volume and area straight from the bytes, no soup kept.
  const measured = best(runs, () => {
    const result = measureBinaryStl(bytes, defaultInspectLimits);
    if (!result.ok) throw new Error(result.finding.message);
    return result.value.geometry;
  });
  // What the thumbnail renderer does: the same, also keeping the positions (a Float32Array like three's).
  const parsedRun = best(runs, () => {
    const parsed = parseStl(bytes);
    if (!parsed.ok) throw new Error(parsed.finding.message);
    return parsed.mesh;
  });
  const positions = parsedRun.result.positions;
  const seed = seedFrom(measured.result.signedVolume, measured.result.area);
  const topology = best(runs, () => binaryStlTopology(bytes, triangles, seed));
  const inspection = best(Math.max(1, Math.min(runs, 3)), () => inspectStl(bytes, defaultInspectLimits));

  const rows: [string, { ms: number; cpuMs: number }][] = [
    ['memcpy (Uint8Array.set)', memcpy],
    ['memcpy (Buffer.copy)', bufferCopy],
    ['three.js STLLoader.parse', three],
    ['ours: parse + bbox + volume + area', measured],
    ['ours: same, keeping positions (parseStl)', parsedRun],
    ['ours: watertight (weld + edges + shells)', topology],
    ['ours: whole inspection (inspectStl)', inspection],
  ];
  const ratio = (a: { ms: number; cpuMs: number }, b: { ms: number; cpuMs: number }) => `${(a.ms / b.ms).toFixed(2)}× (cpu ${(a.cpuMs / b.cpuMs).toFixed(2)}×)`;
  const lines = [
    `preflight-mesh: binary STL, ${triangles.toLocaleString('en')} triangles, ${mb.toFixed(1)} MB, best of ${runs} (wall time, throughput, CPU time)`,
    ...rows.map(([name, r]) => `  ${name.padEnd(42)} ${r.ms.toFixed(1).padStart(8)} ms ${(mb / (r.ms / 1000)).toFixed(0).padStart(6)} MB/s ${r.cpuMs.toFixed(1).padStart(7)} ms`),
    `  ours / three.js throughput                 ${ratio(three, measured)}, target ≥ 2×; keeping positions ${ratio(three, parsedRun)}`,
    `  watertight / our parse time                ${ratio(topology, measured)}, target ≤ 5×; / three.js parse ${ratio(topology, three)}`,
    `  our parse / memcpy time                    ${ratio(measured, memcpy)} (distance to the limit)`,
  ];

  const failures: string[] = [];
  const geometry = measured.result;
  const facts = inspection.result.ok && 'watertight' in inspection.result.facts ? inspection.result.facts : null;
  const volume = 2 * Math.PI ** 2 * R * r * r;
  const area = 4 * Math.PI ** 2 * R * r;
  // The tessellated torus is inscribed in the true one: a little smaller, by O(1/segments²).
  const tolerance = 2 * (Math.PI / segments.minor) ** 2;
  if (Math.abs(geometry.signedVolume - volume) / volume > tolerance) failures.push(`volume ${geometry.signedVolume.toFixed(1)} mm³, analytic ${volume.toFixed(1)} mm³`);
  if (Math.abs(geometry.area - area) / area > tolerance) failures.push(`area ${geometry.area.toFixed(1)} mm², analytic ${area.toFixed(1)} mm²`);
  if (geometry.degenerate !== 0 || geometry.invertedNormals !== 0) failures.push(`${geometry.degenerate} degenerate, ${geometry.invertedNormals} inverted normals (expected none)`);
  if (!topology.result.watertight || topology.result.shells !== 1 || topology.result.openEdges !== 0 || topology.result.nonManifoldEdges !== 0) {
    failures.push(`topology ${JSON.stringify(topology.result)} (expected watertight, one shell)`);
  }
  if (topology.result.vertices !== segments.major * segments.minor) failures.push(`welded ${topology.result.vertices} vertices, expected ${segments.major * segments.minor}`);
  if (!facts || facts.triangles !== triangles || !facts.watertight || facts.shells !== 1) failures.push(`inspection: ${JSON.stringify(inspection.result).slice(0, 300)}`);
  if (parsedRun.result.geometry?.signedVolume !== geometry.signedVolume && Math.abs(parsedRun.result.geometry!.signedVolume - geometry.signedVolume) > 1e-6 * volume) failures.push('parseStl and measureBinaryStl disagree on the volume');
  const threePositions = three.result.getAttribute('position').array as Float32Array;
  if (threePositions.length !== positions.length || threePositions.some((value, i) => value !== positions[i])) failures.push('our positions differ from three.js');

  lines.push(failures.length === 0 ? '  correctness: volume and area match the analytic torus, watertight, one shell, positions equal three.js' : `  FAILED: ${failures.join('; ')}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return failures.length === 0 ? 0 : 1;
}

/** Best wall time of `runs` after two warm-ups, and the best CPU time (steadier on a shared machine). */
function best<T>(runs: number, work: () => T): { ms: number; cpuMs: number; result: T } {
  let result = work();
  work();
  let ms = Infinity;
  let cpuMs = Infinity;
  for (let i = 0; i < runs; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    result = work();
    ms = Math.min(ms, performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpuMs = Math.min(cpuMs, (used.user + used.system) / 1000);
  }
  return { ms, cpuMs, result };
}

/** A closed torus with outward winding; every grid vertex is computed once so shared corners are bit-identical. */
function torusStl(wanted: number): { bytes: Uint8Array; triangles: number; segments: { major: number; minor: number } } {
  const minor = Math.ceil(Math.sqrt(wanted / 4));
  const major = Math.ceil(wanted / (2 * minor));
  const triangles = 2 * major * minor;
  const grid = new Float32Array(major * minor * 3);
  for (let i = 0; i < major; i++) {
    const u = (2 * Math.PI * i) / major;
    for (let j = 0; j < minor; j++) {
      const v = (2 * Math.PI * j) / minor;
      const k = (i * minor + j) * 3;
      grid[k] = (R + r * Math.cos(v)) * Math.cos(u);
      grid[k + 1] = (R + r * Math.cos(v)) * Math.sin(u);
      grid[k + 2] = r * Math.sin(v);
    }
  }
  const bytes = new Uint8Array(84 + 50 * triangles);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode('solid-looking header of a binary torus'));
  view.setUint32(80, triangles, true);
  let at = 84;
  const corner = (i: number, j: number) => ((i % major) * minor + (j % minor)) * 3;
  const write = (a: number, b: number, c: number) => {
    const ux = grid[b]! - grid[a]!, uy = grid[b + 1]! - grid[a + 1]!, uz = grid[b + 2]! - grid[a + 2]!;
    const vx = grid[c]! - grid[a]!, vy = grid[c + 1]! - grid[a + 1]!, vz = grid[c + 2]! - grid[a + 2]!;
    const nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
    const length = Math.hypot(nx, ny, nz) || 1;
    view.setFloat32(at, nx / length, true);
    view.setFloat32(at + 4, ny / length, true);
    view.setFloat32(at + 8, nz / length, true);
    [a, b, c].forEach((p, n) => {
      view.setFloat32(at + 12 + n * 12, grid[p]!, true);
      view.setFloat32(at + 16 + n * 12, grid[p + 1]!, true);
      view.setFloat32(at + 20 + n * 12, grid[p + 2]!, true);
    });
    at += 50;
  };
  for (let i = 0; i < major; i++) {
    for (let j = 0; j < minor; j++) {
      const a = corner(i, j), b = corner(i + 1, j), c = corner(i + 1, j + 1), d = corner(i, j + 1);
      write(a, b, c);
      write(a, c, d);
    }
  }
  return { bytes, triangles, segments: { major, minor } };
}
