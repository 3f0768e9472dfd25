import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Inspection } from '../facts.ts';
import { defaultInspectLimits } from '../limits.ts';
import { inspectAi, inspectPdf } from './index.ts';
import { printPdf } from './test-pdfs.ts';

/** Whatever the bytes, an answer: facts with pages, or one error finding with a stable code, a message and a fix. */
function expectWellFormed(result: Inspection): void {
  if (result.ok) {
    expect(result.facts.kind === 'pdf' || result.facts.kind === 'ai').toBe(true);
    if (result.facts.kind === 'pdf' || result.facts.kind === 'ai') expect(result.facts.pages).toBeGreaterThan(0);
    return;
  }
  expect(result.finding.severity).toBe('error');
  expect(result.finding.code).toMatch(/^[a-z]+\.[a-z_]+$/);
  expect(result.finding.message.length).toBeGreaterThan(10);
  expect(result.finding.fix?.length).toBeGreaterThan(10);
}

describe('inspectPdf on mutated print files', () => {
  const files: Uint8Array[] = [];
  beforeAll(async () => {
    files.push(await printPdf({ useObjectStreams: true }), await printPdf({ useObjectStreams: false }));
  });
  const file = fc.integer({ min: 0, max: 1 });

  it('answers every truncation', () => {
    fc.assert(
      fc.property(file, fc.double({ min: 0, max: 1, noNaN: true }), (which, cut) => {
        const bytes = files[which]!;
        expectWellFormed(inspectPdf(bytes.subarray(0, Math.floor(bytes.length * cut)), defaultInspectLimits));
      }),
      { numRuns: 150 },
    );
  });

  it('answers files with bytes flipped', () => {
    fc.assert(
      fc.property(file, fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 40 }), (which, flips) => {
        const bytes = files[which]!.slice();
        for (const [at, value] of flips) bytes[Math.floor(at * bytes.length)] = value;
        expectWellFormed(inspectPdf(bytes, defaultInspectLimits));
      }),
      { numRuns: 150 },
    );
  });

  it('answers files with a stretch cut out and other bytes spliced in', () => {
    fc.assert(
      fc.property(
        file,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 4096 }),
        fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.constantFrom(...['<<', '>>', '[', '(', 'stream', 'endobj', '1 0 R', ' obj ', 'BI ID', '/Kids [2 0 R]', 'q 0 0 0 0 0 0 cm'].map((s) => new TextEncoder().encode(s)))),
        (which, where, length, insert) => {
          const bytes = files[which]!;
          const at = Math.floor(where * bytes.length);
          const spliced = new Uint8Array([...bytes.subarray(0, at), ...insert, ...bytes.subarray(at + length)]);
          expectWellFormed(inspectPdf(spliced, defaultInspectLimits));
          expectWellFormed(inspectAi(spliced, defaultInspectLimits));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('answers arbitrary bytes behind a PDF header', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (tail) => {
        expectWellFormed(inspectPdf(new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...tail]), defaultInspectLimits));
      }),
      { numRuns: 200 },
    );
  });
});
