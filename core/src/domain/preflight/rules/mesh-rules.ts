import type { Finding, MeshFacts } from '../facts.ts';
import { fitsBuildVolume } from '../mesh/fits-build-volume.ts';
import { mm, plural, round } from './format.ts';
import type { PreflightRules } from './preflight-rules.ts';

const dims = (v: { x: number; y: number; z: number }) => `${round(v.x)} × ${round(v.y)} × ${round(v.z)} mm`;

export function meshFindings(facts: MeshFacts, rules: PreflightRules): Finding[] {
  const findings: Finding[] = [];
  const size = facts.boundingBoxMm.size;
  if (facts.triangles > rules.maxTriangles) {
    findings.push({
      code: 'mesh.triangle_count_high',
      severity: 'warning',
      message: `The model has ${facts.triangles.toLocaleString('en')} triangles (limit ${rules.maxTriangles.toLocaleString('en')}); slicing will be slow.`,
      fix: 'Decimate the mesh (e.g. to 500,000 triangles); print detail will not suffer.',
    });
  }
  if (!facts.watertight && rules.requireWatertight) {
    const parts = [
      facts.openEdges > 0 ? `${plural(facts.openEdges, 'open edge')} (holes)` : null,
      facts.nonManifoldEdges > 0 ? `${plural(facts.nonManifoldEdges, 'non-manifold edge')}` : null,
    ].filter(Boolean);
    findings.push({
      code: 'mesh.not_watertight',
      severity: 'error',
      message: `The model is not watertight: ${parts.join(' and ') || 'its surface is not closed'}. The printer cannot tell inside from outside.`,
      fix: 'Repair the mesh (Microsoft 3D Builder, Meshmixer "Make Solid", or PrusaSlicer "Fix through Netfabb") and upload it again.',
    });
  }
  if (facts.invertedNormals > 0) {
    findings.push({
      code: 'mesh.inverted_normals',
      severity: 'warning',
      message: `${plural(facts.invertedNormals, 'triangle')} ${facts.invertedNormals === 1 ? 'faces' : 'face'} inwards (stored normal against the winding).`,
      fix: 'Recalculate normals outward in your modelling tool.',
    });
  }
  if (facts.degenerateTriangles > 0) {
    findings.push({
      code: 'mesh.degenerate_triangles',
      severity: 'info',
      message: `${plural(facts.degenerateTriangles, 'triangle')} ${facts.degenerateTriangles === 1 ? 'has' : 'have'} no area; they are ignored.`,
    });
  }
  if (facts.shells > 1) {
    findings.push({
      code: 'mesh.multiple_shells',
      severity: 'info',
      message: `The file holds ${facts.shells} separate parts; they are printed together as placed.`,
    });
  }
  const longest = Math.max(size.x, size.y, size.z);
  if (facts.triangles > 0 && longest < 2) {
    findings.push({
      code: 'mesh.suspiciously_small',
      severity: 'warning',
      message: `The model is only ${dims(size)}; it may have been exported in inches or metres and read as millimetres.`,
      fix: `Export in millimetres; if it was in inches it would be ${dims({ x: size.x * 25.4, y: size.y * 25.4, z: size.z * 25.4 })}.`,
    });
  }
  if (rules.buildVolumeMm) {
    const fit = fitsBuildVolume(size, rules.buildVolumeMm);
    if (!fit.fits) {
      findings.push({
        code: 'mesh.exceeds_build_volume',
        severity: 'error',
        message: `The model is ${dims(size)}; the largest build volume is ${dims(rules.buildVolumeMm)}, in any orientation.`,
        fix: 'Scale the model down or split it into parts that fit.',
      });
    } else if (fit.rotated) {
      findings.push({
        code: 'mesh.fits_when_rotated',
        severity: 'info',
        message: `The model (${dims(size)}) fits the build volume (${dims(rules.buildVolumeMm)}) only when reoriented.`,
      });
    }
  }
  if (facts.volumeMm3 <= 0 && facts.triangles > 0 && facts.watertight) {
    findings.push({
      code: 'mesh.zero_volume',
      severity: 'error',
      message: `The model encloses no volume (${mm(0)}³): it is flat.`,
      fix: 'Give the part thickness before exporting.',
    });
  }
  return findings;
}
