import { describe, expect, it } from 'vitest';
import { cutOutlinesSvg } from './cut-svg.ts';

describe('cut outlines of a laser run', () => {
  it('draws every piece as a hairline rectangle, flipped to SVG coordinates, one group per sheet', () => {
    const svg = cutOutlinesSvg({
      sheetMm: { width: 600, height: 400 },
      sheets: 2,
      title: 'Run <7> & co',
      outlines: [
        { sheet: 0, x: 10, y: 20, width: 100, height: 50, label: '#1001 copy 1' },
        { sheet: 1, x: 0, y: 0, width: 600, height: 400, label: '#1002 copy 1' },
      ],
    });
    expect(svg).toContain('viewBox="0 0 600 810"');
    expect(svg).toContain('<rect x="10" y="330" width="100" height="50"><title>#1001 copy 1</title></rect>');
    expect(svg).toContain('<rect x="0" y="410" width="600" height="400"><title>#1002 copy 1</title></rect>');
    expect(svg).toContain('<title>Run &lt;7&gt; &amp; co</title>');
    expect(svg.match(/<g id="sheet-/g)).toHaveLength(2);
  });
});
