import { describe, expect, it } from 'vitest';
import type { Inspection, MeshFacts, PdfFacts, PdfPageFacts, RasterFacts, SvgFacts } from '../facts.ts';
import { buildReport } from '../report.ts';
import { defaultRules, resolveRules, rulesFingerprint, type PreflightRules } from './preflight-rules.ts';

const card: PreflightRules = { ...defaultRules.digital_press, trimMm: { width: 85, height: 55 } };

function page(overrides: Partial<PdfPageFacts> = {}): PdfPageFacts {
  return {
    number: 1,
    mediaBoxMm: { x: 0, y: 0, width: 91, height: 61 },
    trimBoxMm: { x: 3, y: 3, width: 85, height: 55 },
    bleedBoxMm: { x: 0, y: 0, width: 91, height: 61 },
    bleedMm: { top: 3, right: 3, bottom: 3, left: 3 },
    rotate: 0,
    images: [],
    colorSpaces: ['DeviceCMYK'],
    transparency: false,
    ...overrides,
  };
}

function pdf(pages: PdfPageFacts[], overrides: Partial<PdfFacts> = {}): Inspection {
  const facts: PdfFacts = { kind: 'pdf', version: '1.6', encrypted: false, pages: pages.length, pageSizes: pages, fonts: [], colorSpaces: ['DeviceCMYK'], transparency: false, ...overrides };
  return { ok: true, kind: 'pdf', facts, findings: [] };
}

const codes = (inspection: Inspection, rules: PreflightRules = card) => {
  const report = buildReport(inspection, rules);
  return { errors: report.errors.map((f) => f.code), warnings: report.warnings.map((f) => f.code), infos: report.infos.map((f) => f.code), report };
};

describe('PDF rules for a business card', () => {
  it('passes a print-ready card', () => {
    const { report } = codes(pdf([page(), page({ number: 2 })]));
    expect(report).toMatchObject({ ok: true, status: 'passed', errors: [], warnings: [] });
  });

  it('names the page and both sizes when the trim size is wrong', () => {
    const { report } = codes(pdf([page(), page({ number: 2, trimBoxMm: { x: 3, y: 3, width: 90, height: 50 } })]));
    expect(report.status).toBe('failed');
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ code: 'pdf.trim_size_mismatch', page: 2 });
    expect(report.errors[0]!.message).toBe('Page 2 is 90 × 50 mm; this product is 85 × 55 mm (± 0.5 mm).');
  });

  it('accepts a page exported with bleed and no TrimBox', () => {
    const { errors } = codes(pdf([page({ trimBoxMm: null, bleedBoxMm: null, bleedMm: null })]));
    expect(errors).toEqual([]);
  });

  it('finds missing and short bleed', () => {
    const none = codes(pdf([page({ mediaBoxMm: { x: 0, y: 0, width: 85, height: 55 }, trimBoxMm: null, bleedBoxMm: null, bleedMm: null })]));
    expect(none.errors).toEqual(['pdf.bleed_missing']);
    const short = codes(pdf([page({ bleedMm: { top: 3, right: 1, bottom: 3, left: 3 } })]));
    expect(short.errors).toEqual(['pdf.bleed_too_small']);
    expect(short.report.errors[0]!.message).toBe('Page 1 has 1 mm of bleed; 3 mm is needed.');
  });

  it('errors below the minimum ppi, warns below the recommended one', () => {
    const images = [
      { name: 'Im1', widthPx: 300, heightPx: 300, effectivePpi: 72 },
      { name: 'Im2', widthPx: 600, heightPx: 600, effectivePpi: 200 },
      { name: 'Im3', widthPx: 900, heightPx: 900, effectivePpi: 300 },
    ];
    const { errors, warnings, report } = codes(pdf([page({ images })]));
    expect(errors).toEqual(['image.low_resolution']);
    expect(warnings).toEqual(['image.below_recommended_resolution']);
    expect(report.errors[0]!.message).toContain('Image Im1 on page 1 is 72 ppi');
  });

  it('requires embedded fonts and warns on RGB for a CMYK press', () => {
    const { errors, warnings, report } = codes(
      pdf([page()], { fonts: [{ name: 'Helvetica', type: 'Type1', embedded: false, pages: [1] }, { name: 'Lato', type: 'TrueType', embedded: true, pages: [1] }], colorSpaces: ['DeviceRGB', 'DeviceCMYK'] }),
    );
    expect(errors).toEqual(['pdf.font_not_embedded']);
    expect(report.errors[0]!.object).toBe('Helvetica');
    expect(warnings).toEqual(['color.rgb']);
  });

  it('checks the page count when the profile gives one', () => {
    const { errors } = codes(pdf([page(), page({ number: 2 }), page({ number: 3 })]), { ...card, pages: { min: 1, max: 2 } });
    expect(errors).toEqual(['pdf.page_count']);
  });

  it('refuses a kind the product is not made from', () => {
    const { errors } = codes(pdf([page()]), defaultRules.fdm);
    expect(errors).toEqual(['file.kind_not_accepted']);
  });
});

describe('accepting warnings', () => {
  it('moves an accepted warning out of the open ones and lets the file pass; errors stay', () => {
    const inspection = pdf([page({ images: [{ name: 'Im2', widthPx: 600, heightPx: 600, effectivePpi: 200 }] })]);
    const accepted = buildReport(inspection, card, new Set(['image.below_recommended_resolution', 'pdf.trim_size_mismatch']));
    expect(accepted.status).toBe('passed');
    expect(accepted.accepted.map((f) => f.code)).toEqual(['image.below_recommended_resolution']);
    const failing = buildReport(pdf([page({ trimBoxMm: { x: 3, y: 3, width: 90, height: 50 } })]), card, new Set(['pdf.trim_size_mismatch']));
    expect(failing.status).toBe('failed');
  });
});

describe('an unreadable file', () => {
  it('is one error finding and no facts', () => {
    const report = buildReport({ ok: false, kind: 'stl', finding: { code: 'stl.size_mismatch', severity: 'error', message: 'm' } }, defaultRules.fdm);
    expect(report).toMatchObject({ ok: false, status: 'failed', kind: 'stl', facts: null });
    expect(report.errors.map((f) => f.code)).toEqual(['stl.size_mismatch']);
  });
});

function mesh(overrides: Partial<MeshFacts> = {}): Inspection {
  const facts: MeshFacts = {
    kind: 'stl', encoding: 'stl-binary', units: 'mm', triangles: 12,
    boundingBoxMm: { min: { x: 0, y: 0, z: 0 }, max: { x: 20, y: 20, z: 20 }, size: { x: 20, y: 20, z: 20 } },
    volumeMm3: 8000, surfaceAreaMm2: 2400, watertight: true, openEdges: 0, nonManifoldEdges: 0, degenerateTriangles: 0, invertedNormals: 0, shells: 1, objects: 1,
    ...overrides,
  };
  return { ok: true, kind: facts.kind, facts, findings: [] };
}

describe('mesh rules', () => {
  it('passes a closed part that fits', () => {
    expect(codes(mesh(), defaultRules.fdm).report.status).toBe('passed');
  });

  it('fails an open mesh and names the holes', () => {
    const { report } = codes(mesh({ watertight: false, openEdges: 4 }), defaultRules.fdm);
    expect(report.errors.map((f) => f.code)).toEqual(['mesh.not_watertight']);
    expect(report.errors[0]!.message).toContain('4 open edges (holes)');
  });

  it('fails a part larger than the build volume in every orientation, and notes one that fits rotated', () => {
    const big = { min: { x: 0, y: 0, z: 0 }, max: { x: 300, y: 10, z: 10 }, size: { x: 300, y: 10, z: 10 } };
    expect(codes(mesh({ boundingBoxMm: big }), defaultRules.fdm).errors).toEqual(['mesh.exceeds_build_volume']);
    const tall = { min: { x: 0, y: 0, z: 0 }, max: { x: 10, y: 10, z: 200 }, size: { x: 200, y: 10, z: 10 } };
    const rules = { ...defaultRules.fdm, buildVolumeMm: { x: 100, y: 100, z: 250 } };
    expect(codes(mesh({ boundingBoxMm: tall }), rules).infos).toContain('mesh.fits_when_rotated');
  });

  it('warns when a model looks like it was exported in inches', () => {
    const tiny = { min: { x: 0, y: 0, z: 0 }, max: { x: 1, y: 0.5, z: 0.5 }, size: { x: 1, y: 0.5, z: 0.5 } };
    expect(codes(mesh({ boundingBoxMm: tiny }), defaultRules.fdm).warnings).toContain('mesh.suspiciously_small');
  });
});

describe('raster and SVG rules', () => {
  const raster = (widthPx: number, heightPx: number, colorMode = 'cmyk'): Inspection => {
    const facts: RasterFacts = { kind: 'png', widthPx, heightPx, dpi: { x: 72, y: 72 }, colorMode, bitDepth: 8, hasAlpha: false };
    return { ok: true, kind: 'png', facts, findings: [] };
  };

  it('judges a photo at the ordered print size, either way round', () => {
    // 85 mm at 300 ppi is 1004 px.
    expect(codes(raster(1004, 650)).report.status).toBe('passed');
    expect(codes(raster(650, 1004)).report.status).toBe('passed');
    expect(codes(raster(400, 259)).errors).toEqual(['image.low_resolution']);
    expect(codes(raster(1004, 1004)).warnings).toEqual(['raster.aspect_mismatch']);
  });

  it('asks a laser file for hairline cuts, outlined text and closed paths', () => {
    const facts: SvgFacts = {
      kind: 'svg', sizeMm: { width: 100, height: 50 }, viewBox: { x: 0, y: 0, width: 200, height: 100 }, units: 'mm',
      textElements: 2, openPaths: 1, closedPaths: 3, strokeWidthsMm: [0.01, 0.5], images: [], activeContent: 1,
    };
    const { errors, warnings } = codes({ ok: true, kind: 'svg', facts, findings: [] }, defaultRules.laser);
    expect(errors).toEqual(['svg.text_not_outlined']);
    expect(warnings.sort()).toEqual(['cut.stroke_not_hairline', 'svg.active_content', 'svg.open_paths']);
  });
});

describe('resolving a profile', () => {
  it('fills the process defaults under what the profile states', () => {
    const resolved = resolveRules({ process: 'laser', buildVolumeMm: { x: 600, y: 400, z: 10 } });
    expect(resolved).toMatchObject({ ok: true, rules: { process: 'laser', cutLineMaxStrokeMm: 0.025, buildVolumeMm: { x: 600, y: 400, z: 10 } } });
  });

  it('names every bad field', () => {
    const resolved = resolveRules({ process: 'offset', minPpi: -1, colour: 'cmyk' });
    expect(resolved.ok).toBe(false);
    if (resolved.ok) return;
    expect(resolved.problems.join('\n')).toMatch(/process/);
    expect(resolved.problems.join('\n')).toMatch(/minPpi/);
  });

  it('fingerprints rules independently of key order', () => {
    const a = resolveRules({ process: 'fdm', maxTriangles: 10 });
    const b = resolveRules({ maxTriangles: 10, process: 'fdm' });
    const c = resolveRules({ process: 'fdm', maxTriangles: 11 });
    if (!a.ok || !b.ok || !c.ok) throw new Error('rules should resolve');
    expect(rulesFingerprint(a.rules)).toBe(rulesFingerprint(b.rules));
    expect(rulesFingerprint(a.rules)).not.toBe(rulesFingerprint(c.rules));
  });
});
