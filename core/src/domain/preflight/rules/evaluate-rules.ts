import type { FileFacts, FileKind, Finding } from '../facts.ts';
import { dxfFindings } from './dxf-rules.ts';
import { meshFindings } from './mesh-rules.ts';
import { pdfFindings } from './pdf-rules.ts';
import type { PreflightRules } from './preflight-rules.ts';
import { rasterFindings } from './raster-rules.ts';
import { svgFindings } from './svg-rules.ts';

const KIND_NAMES: Record<FileKind, string> = {
  pdf: 'PDF', ai: 'Illustrator', svg: 'SVG', stl: 'STL', obj: 'OBJ', '3mf': '3MF', dxf: 'DXF', png: 'PNG', jpeg: 'JPEG', tiff: 'TIFF',
};

/** The profile's judgement of a file's facts. */
export function evaluateRules(kind: FileKind, facts: FileFacts, rules: PreflightRules): Finding[] {
  if (!rules.acceptedKinds.includes(kind)) {
    return [
      {
        code: 'file.kind_not_accepted',
        severity: 'error',
        message: `A ${KIND_NAMES[kind]} file cannot be used for this product (${rules.process.replace('_', ' ')}); it takes ${rules.acceptedKinds.map((k) => KIND_NAMES[k]).join(', ')}.`,
        fix: `Export the design as ${rules.acceptedKinds.map((k) => KIND_NAMES[k]).slice(0, 3).join(' or ')}.`,
      },
    ];
  }
  switch (facts.kind) {
    case 'pdf':
    case 'ai':
      return pdfFindings(facts, rules);
    case 'svg':
      return svgFindings(facts, rules);
    case 'stl':
    case 'obj':
    case '3mf':
      return meshFindings(facts, rules);
    case 'dxf':
      return dxfFindings(facts, rules);
    case 'png':
    case 'jpeg':
    case 'tiff':
      return rasterFindings(facts, rules);
  }
}
