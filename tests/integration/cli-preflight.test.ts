import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, rgb } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { cubeStl } from '../support/design-files.ts';

const MM = 72 / 25.4;

/** A business card page: 85 × 55 mm trim, with `bleed` mm of bleed drawn around it (BleedBox and TrimBox set). */
async function businessCard(bleed: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([(85 + 2 * bleed) * MM, (55 + 2 * bleed) * MM]);
  page.drawRectangle({ x: 0, y: 0, width: page.getWidth(), height: page.getHeight(), color: rgb(0.1, 0.3, 0.6) });
  page.setTrimBox(bleed * MM, bleed * MM, 85 * MM, 55 * MM);
  page.setBleedBox(0, 0, page.getWidth(), page.getHeight());
  return pdf.save();
}

interface CliReport {
  ok: boolean;
  kind: string | null;
  errors: { code: string; message: string; page?: number }[];
  warnings: { code: string }[];
  facts: Record<string, unknown> | null;
}

describe('pressline preflight <file>', () => {
  let dir: string;
  const path = (name: string) => join(dir, name);
  const run = (...args: string[]) => runCli(['preflight', ...args], { home: dir, timeoutMs: 60_000 });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pressline-preflight-cli-'));
    writeFileSync(path('card-bleed.pdf'), await businessCard(3));
    writeFileSync(path('card-no-bleed.pdf'), await businessCard(0));
    writeFileSync(path('card-profile.json'), JSON.stringify({ process: 'digital_press', trimMm: { width: 85, height: 55 }, colorMode: 'any' }));
    writeFileSync(path('bad-profile.json'), JSON.stringify({ process: 'offset', minPpi: 'high' }));
    writeFileSync(path('part.stl'), cubeStl(20));
    writeFileSync(path('open.stl'), cubeStl(20, { openFace: true }));
    writeFileSync(path('garbage.stl'), Buffer.from('this is not a mesh at all, just words'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 with the facts named plainly for a clean mesh', async () => {
    const result = await run(path('part.stl'), '--json');
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as CliReport;
    expect(report).toMatchObject({ ok: true, kind: 'stl', errors: [], facts: { triangles: 12, watertight: true, volumeMm3: 8000, boundingBoxMm: { size: { x: 20, y: 20, z: 20 } } } });
  });

  it('exits 1 and names the finding for a mesh with a hole', async () => {
    const result = await run(path('open.stl'), '--json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as CliReport;
    expect(report.ok).toBe(false);
    expect(report.errors.map((e) => e.code)).toEqual(['mesh.not_watertight']);
  });

  it('checks a business card PDF against a profile: bleed passes, no bleed fails on page 1', async () => {
    const good = await run(path('card-bleed.pdf'), '--profile', path('card-profile.json'), '--json');
    expect(good.code, good.stdout).toBe(0);
    const facts = (JSON.parse(good.stdout) as CliReport).facts as { pages: number; pageSizes: { trimBoxMm: { width: number; height: number }; bleedMm: { top: number } }[] };
    expect(facts.pages).toBe(1);
    expect(facts.pageSizes[0]!.trimBoxMm.width).toBeCloseTo(85, 1);
    expect(facts.pageSizes[0]!.bleedMm.top).toBeCloseTo(3, 1);

    const bad = await run(path('card-no-bleed.pdf'), '--profile', path('card-profile.json'), '--json');
    expect(bad.code).toBe(1);
    const report = JSON.parse(bad.stdout) as CliReport;
    expect(report.errors.map((e) => [e.code, e.page])).toEqual([['pdf.bleed_missing', 1]]);
  });

  it('prints findings in plain words without --json', async () => {
    const result = await run(path('open.stl'));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^open\.stl: failed \(stl\)/);
    expect(result.stdout).toContain('error   mesh.not_watertight');
    expect(result.stdout).toContain('fix: ');
  });

  it('exits 2 when the file cannot be read: missing, unreadable, or the profile is invalid', async () => {
    const missing = await run(path('nope.stl'), '--json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');

    const garbage = await run(path('garbage.stl'), '--json');
    expect(garbage.code).toBe(2);
    const report = JSON.parse(garbage.stdout) as CliReport;
    expect(report.ok).toBe(false);
    expect(report.facts).toBeNull();
    expect(report.errors).toHaveLength(1);

    const profile = await run(path('part.stl'), '--profile', path('bad-profile.json'), '--json');
    expect(profile.code).toBe(2);
    expect(profile.stderr).toMatch(/process/);
    expect(profile.stderr).toMatch(/minPpi/);
  });
});
