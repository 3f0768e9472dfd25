import { detectKind } from './detect-kind.ts';
import type { FileKind, InspectLimits, Inspection } from './facts.ts';
import { defaultInspectLimits } from './limits.ts';
import { inspect3mf, inspectObj, inspectStl } from './mesh/index.ts';
import { inspectAi, inspectPdf } from './pdf/index.ts';
import { inspectSvg } from './svg/index.ts';
import { inspectDxf } from './dxf/index.ts';
import { inspectRaster } from './raster/index.ts';

const inspectors: Record<FileKind, (bytes: Uint8Array, limits: InspectLimits) => Inspection | Promise<Inspection>> = {
  pdf: inspectPdf,
  ai: inspectAi,
  svg: inspectSvg,
  stl: inspectStl,
  obj: inspectObj,
  '3mf': inspect3mf,
  dxf: inspectDxf,
  png: inspectRaster,
  jpeg: inspectRaster,
  tiff: inspectRaster,
};

export interface InspectFileOptions {
  name?: string;
  limits?: Partial<InspectLimits>;
}

/** Bytes in, facts out: which kind the file is, then that kind's inspector. */
export async function inspectFile(bytes: Uint8Array, options: InspectFileOptions = {}): Promise<Inspection> {
  const limits = { ...defaultInspectLimits, ...options.limits };
  if (bytes.length === 0) {
    return { ok: false, kind: null, finding: { code: 'file.empty', severity: 'error', message: 'The file is empty.', fix: 'Upload the file again.' } };
  }
  if (bytes.length > limits.maxBytes) {
    return {
      ok: false,
      kind: null,
      finding: {
        code: 'file.too_large',
        severity: 'error',
        message: `The file is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${(limits.maxBytes / 1048576).toFixed(0)} MB.`,
        fix: 'Reduce the file size (compress images, simplify the mesh) and upload it again.',
      },
    };
  }
  const kind = detectKind(bytes, options.name);
  if (!kind) {
    return {
      ok: false,
      kind: null,
      finding: {
        code: 'file.unsupported',
        severity: 'error',
        message: `${options.name ?? 'The file'} is not a PDF, AI, SVG, STL, OBJ, 3MF, DXF, PNG, JPEG or TIFF file.`,
        fix: 'Export the design as PDF (print), SVG or DXF (cutting) or STL/3MF (3D printing).',
      },
    };
  }
  return inspectors[kind](bytes, limits);
}
