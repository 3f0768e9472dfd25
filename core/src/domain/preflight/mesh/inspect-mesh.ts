import type { InspectLimits, Inspection, MeshFacts } from '../facts.ts';
import { analyzeMesh } from './analyze-mesh.ts';
import { meshError } from './mesh-findings.ts';
import type { MeshParse } from './mesh-types.ts';
import { parse3mf } from './parse-3mf.ts';
import { parseObj } from './parse-obj.ts';
import { parseStl } from './parse-stl.ts';
import { inspectBinaryStl } from './inspect-stl-binary.ts';
import { isBinaryStlSize } from './stl-binary-records.ts';

export function inspectStl(bytes: Uint8Array, limits: InspectLimits): Inspection {
  return guard('stl', () => (isBinaryStlSize(bytes) ? inspectBinaryStl(bytes, limits) : inspectParsed('stl', parseStl(bytes, limits))));
}

export function inspectObj(bytes: Uint8Array, limits: InspectLimits): Inspection {
  return guard('obj', () => inspectParsed('obj', parseObj(bytes, limits)));
}

export function inspect3mf(bytes: Uint8Array, limits: InspectLimits): Inspection {
  return guard('3mf', () => inspectParsed('3mf', parse3mf(bytes, limits)));
}

function inspectParsed(kind: MeshFacts['kind'], parsed: MeshParse): Inspection {
  return parsed.ok ? analyzeMesh(kind, parsed.mesh) : { ok: false, kind, finding: parsed.finding };
}

/**
 * The readers return findings for every failure they know of; this net turns anything
 * they missed (a bug, or memory running out on a huge but allowed file) into a finding
 * too, so one bad upload never takes the worker down. Tests assert it never fires.
 */
function guard(kind: MeshFacts['kind'], inspect: () => Inspection): Inspection {
  try {
    return inspect();
  } catch (error) {
    const memory = error instanceof RangeError;
    return {
      ok: false,
      kind,
      finding: memory
        ? meshError('mesh.too_large', 'The model is too large to check in the memory available.', 'Decimate the mesh and upload it again.')
        : meshError('mesh.unreadable', 'The file could not be read as a mesh.', 'Export the model again and upload the new file; if this keeps happening, contact the shop.'),
    };
  }
}
