import fc from 'fast-check';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Inspection, SvgFacts } from '../facts.ts';
import { defaultInspectLimits } from '../limits.ts';
import { inspectSvg } from './index.ts';
import { byteMutation } from '../testing/byte-mutations.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const inspect = (text: string, limits = defaultInspectLimits) => inspectSvg(encode(text), limits);

function facts(inspection: Inspection): SvgFacts {
  if (!inspection.ok) throw new Error(`expected facts, got ${inspection.finding.code}: ${inspection.finding.message}`);
  return inspection.facts as SvgFacts;
}

function failure(inspection: Inspection) {
  if (inspection.ok) throw new Error('expected the file to be refused');
  return inspection.finding;
}

/** 100 × 50 mm, drawn in a viewBox twice as fine: one user unit is 0.5 mm. */
const svg = (body: string, root = 'width="100mm" height="50mm" viewBox="0 0 200 100"') => `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ${root}>${body}</svg>`;

let pngDataUri: string;

beforeAll(async () => {
  const png = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#3366cc' } }).png().toBuffer();
  pngDataUri = `data:image/png;base64,${png.toString('base64')}`;
});

describe('size and scale', () => {
  it('reads the physical size and the viewBox', () => {
    expect(facts(inspect(svg('')))).toMatchObject({ sizeMm: { width: 100, height: 50 }, units: 'mm', viewBox: { x: 0, y: 0, width: 200, height: 100 } });
  });

  it.each([
    ['width="4in" height="2in"', { width: 101.6, height: 50.8 }, 'in'],
    ['width="10cm" height="5cm"', { width: 100, height: 50 }, 'cm'],
    ['width="72pt" height="36pt"', { width: 25.4, height: 12.7 }, 'pt'],
    ['width="96px" height="48px"', { width: 25.4, height: 12.7 }, 'px'],
    ['width="100mm" viewBox="0 0 200 50"', { width: 100, height: 25 }, 'mm'],
  ])('converts %s', (root, sizeMm, units) => {
    expect(facts(inspect(svg('', root)))).toMatchObject({ sizeMm, units });
  });

  it('has no physical size without units', () => {
    expect(facts(inspect(svg('', 'width="200" height="100" viewBox="0 0 200 100"')))).toMatchObject({ sizeMm: null, units: 'none' });
    expect(facts(inspect(svg('', 'viewBox="0 0 200 100"')))).toMatchObject({ sizeMm: null, units: 'none' });
  });
});

describe('encodings', () => {
  it('reads UTF-16 files with a byte-order mark', () => {
    const text = svg('<text>Größe</text>');
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + i * 2] = text.charCodeAt(i);
    expect(facts(inspectSvg(utf16, defaultInspectLimits))).toMatchObject({ textElements: 1, sizeMm: { width: 100 } });
  });
});

describe('strokes', () => {
  it('converts a hairline through the viewBox scale', () => {
    const result = facts(inspect(svg('<path d="M0 0 L10 10" stroke="#f00" stroke-width="0.02"/>')));
    expect(result.strokeWidthsMm).toEqual([0.01]);
  });

  it('reads widths from style, inherits them from groups, and scales them with transforms', () => {
    const body = `
      <g stroke="black" stroke-width="2">
        <rect width="10" height="10"/>
        <g transform="scale(2)"><line x1="0" y1="0" x2="5" y2="5"/></g>
        <circle r="3" style="stroke-width: 0.5; fill: none"/>
        <path d="M0 0h5" stroke-width="0.1mm"/>
      </g>
      <rect width="10" height="10" stroke-width="9"/>`;
    // 2 → 1 mm, 2·2 → 2 mm, 0.5 → 0.25 mm, 0.1 mm as a length is 0.378 user units → 0.189 mm (the viewBox halves it)
    expect(facts(inspect(svg(body))).strokeWidthsMm).toEqual([0.18898, 0.25, 1, 2]);
  });

  it('applies an Illustrator-style sheet, even one written after the shapes', () => {
    const body = `<path class="cut" d="M0 0h9v9z"/><style>.cut{fill:none;stroke:#ff0000;stroke-width:0.02}</style>`;
    expect(facts(inspect(svg(body))).strokeWidthsMm).toEqual([0.01]);
  });

  it('reads non-scaling strokes in CSS pixels and says so', () => {
    const result = inspect(svg('<path d="M0 0h9" stroke="red" stroke-width="1" vector-effect="non-scaling-stroke"/>'));
    expect(facts(result).strokeWidthsMm).toEqual([0.26458]);
    expect(result.ok && result.findings.map((f) => f.code)).toEqual(['svg.non_scaling_stroke']);
  });

  it('ignores shapes that are not painted', () => {
    const body = `<clipPath id="c"><rect width="5" height="5" stroke="red"/></clipPath><g style="display:none"><line x2="5" stroke="red"/></g>`;
    expect(facts(inspect(svg(body)))).toMatchObject({ strokeWidthsMm: [], openPaths: 0, closedPaths: 0 });
  });
});

describe('outlines and text', () => {
  it('counts open and closed outlines', () => {
    const body = `
      <rect width="10" height="10"/>
      <polyline points="0,0 10,0 10,10"/>
      <polygon points="0,0 10,0 5,5"/>
      <line x1="0" y1="0" x2="1" y2="1"/>
      <path d="M0 0 L10 0 L10 10 Z M20 20 l5 0 l0 5 l-5-5"/>
      <path d="M0,0C1,1,2,2,3,3a2 2 0 1010 0"/>
      <path d="m1.5.5.5.5-.5-.5"/>`;
    // closed: rect, polygon, Z, back-to-start, compact back-to-start; open: polyline, line, curve+arc
    expect(facts(inspect(svg(body)))).toMatchObject({ openPaths: 3, closedPaths: 5 });
  });

  it('counts a symbol or clone once per placement, and unused definitions not at all', () => {
    const body = `
      <defs><path id="unused" d="M0 0h5"/></defs>
      <symbol id="tag"><rect width="10" height="10"/><path d="M1 1h2"/><text>A</text></symbol>
      <use href="#tag"/><use xlink:href="#tag" x="20"/>
      <g id="part"><circle r="2"/></g><use href="#part" x="5"/>
      <use href="#later"/><path id="later" d="M0 0h1"/>`;
    // closed: 2 rects + circle + its clone; open: 2 placed paths + "later" (its forward use counts nothing)
    expect(facts(inspect(svg(body)))).toMatchObject({ closedPaths: 4, openPaths: 3, textElements: 2 });
  });

  it('counts live text', () => {
    expect(facts(inspect(svg('<text x="0" y="10">Hello <tspan>there</tspan></text><text>2</text>'))).textElements).toBe(2);
  });
});

describe('embedded images', () => {
  it('reads a 300 px image placed at 25.4 mm as 300 ppi', () => {
    // 50.8 user units × 0.5 mm = 25.4 mm.
    const result = facts(inspect(svg(`<image id="logo" width="50.8" height="50.8" xlink:href="${pngDataUri}"/>`)));
    expect(result.images).toEqual([{ name: '#logo', widthPx: 300, heightPx: 300, effectivePpi: 300, colorSpace: 'rgb' }]);
  });

  it('uses the lower resolution when the box keeps the aspect ratio, and follows transforms', () => {
    const result = facts(inspect(svg(`<g transform="scale(2)"><image width="50.8" height="10" href="${pngDataUri}"/></g>`)));
    // meet: the image fits the 10-unit height → 10·2·0.5 = 10 mm for 300 px = 762 ppi
    expect(result.images[0]!.effectivePpi).toBe(762);
  });

  it('does not fetch linked images and says they were not checked', () => {
    const result = inspect(svg('<image width="10" height="10" href="https://example.invalid/a.png"/>'));
    expect(facts(result).images).toEqual([]);
    expect(result.ok && result.findings).toEqual([expect.objectContaining({ code: 'svg.external_image', severity: 'warning' })]);
  });

  it('reports a damaged embedded image', () => {
    const result = inspect(svg('<image width="10" height="10" href="data:image/png;base64,iVBORw0KGgo="/>'));
    expect(result.ok && result.findings[0]).toMatchObject({ code: 'svg.image_unreadable', severity: 'warning' });
  });
});

describe('active content', () => {
  it('counts scripts, handlers, foreignObject and javascript: links without running them', () => {
    const body = `<script>alert(1)</script><rect width="1" height="1" onclick="x()"/><foreignObject/><a href=" java&#x09;script:alert(1)"><text>t</text></a>`;
    expect(facts(inspect(svg(body, 'width="10mm" height="10mm" onload="alert(2)"'))).activeContent).toBe(5);
  });
});

describe('hostile files', () => {
  it('refuses billion laughs without expanding anything', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><svg xmlns="http://www.w3.org/2000/svg"><text>&lol9;</text></svg>`;
    expect(failure(inspect(laughs))).toMatchObject({ code: 'xml.doctype', severity: 'error' });
  });

  it('refuses an external entity', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>';
    const finding = failure(inspect(xxe));
    expect(finding.code).toBe('xml.doctype');
    expect(finding.fix).toMatch(/DOCTYPE/);
  });

  it('stops at the depth limit on 100 000 nested groups', () => {
    const deep = svg('<g>'.repeat(100_000) + '</g>'.repeat(100_000));
    expect(failure(inspect(deep))).toMatchObject({ code: 'xml.too_deep', message: expect.stringContaining('256') });
  });

  it('stops at the element limit', () => {
    expect(failure(inspect(svg('<rect/>'.repeat(50)), { ...defaultInspectLimits, maxXmlElements: 20 }))).toMatchObject({ code: 'xml.too_many_elements' });
  });

  it('keeps counts finite under a use bomb', () => {
    let body = '<path id="l0" d="M0 0h1"/>';
    for (let i = 1; i <= 200; i++) body += `<g id="l${i}">${`<use href="#l${i - 1}"/>`.repeat(10)}</g>`;
    expect(facts(inspect(svg(`<defs>${body}</defs><use href="#l200"/>`))).openPaths).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('calls broken XML malformed and a non-SVG root by name', () => {
    expect(failure(inspect('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>'))).toMatchObject({ code: 'xml.malformed' });
    expect(failure(inspect('<svg><text>&undefined;</text></svg>'))).toMatchObject({ code: 'xml.malformed' });
    expect(failure(inspect('<html><svg/></html>'))).toMatchObject({ code: 'svg.no_root', message: expect.stringContaining('<html>') });
  });

  it('never throws on mutated files, and a refusal always carries an error finding', () => {
    const valid = encode(
      svg(`<style>.a{stroke:red;stroke-width:.1}</style><g transform="rotate(30) scale(2 3)"><path class="a" d="M0 0c1 2 3 4 5 6s1 1 2 2q1 1 2 2t3 3a5 5 0 0 1 1 1zM9 9h1v1H9z"/>
        <polyline points="1,1 2,2 3,1" stroke="#000"/><image width="5" height="5" href="${pngDataUri}"/><text>x</text></g>`),
    );
    fc.assert(
      fc.property(byteMutation(), (mutate) => {
        const result = inspectSvg(mutate(valid), defaultInspectLimits);
        if (!result.ok) {
          expect(result.finding.severity).toBe('error');
          expect(result.finding.code).toMatch(/^(xml|svg)\.[a-z_]+$/);
        } else {
          expect(result.facts.kind).toBe('svg');
        }
      }),
      { numRuns: 1500 },
    );
  });
});
