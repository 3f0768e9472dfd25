import { describe, expect, it } from 'vitest';
import { defaultInspectLimits } from '../limits.ts';
import { inspectAi } from './index.ts';
import { factsOf, printPdf } from './test-pdfs.ts';

describe('inspectAi', () => {
  it('inspects a PDF-compatible Illustrator file as a PDF of kind ai', async () => {
    const result = inspectAi(await printPdf(), defaultInspectLimits);
    expect(result.ok && result.kind).toBe('ai');
    expect(factsOf(result).kind).toBe('ai');
    expect(factsOf(result).pages).toBe(3);
  });

  it('refuses a PostScript-only Illustrator file, saying how to save it', () => {
    const bytes = new TextEncoder().encode('%!PS-Adobe-3.0\n%%Creator: Adobe Illustrator(R) 8.0\n%%BoundingBox: 0 0 100 100\n%%EOF\n');
    const result = inspectAi(bytes, defaultInspectLimits);
    expect(result).toMatchObject({ ok: false, kind: 'ai', finding: { code: 'ai.not_pdf_compatible', severity: 'error' } });
    expect(!result.ok && result.finding.fix).toMatch(/Create PDF Compatible File/);
  });
});
