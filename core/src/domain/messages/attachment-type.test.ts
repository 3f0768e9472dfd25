import { describe, expect, it } from 'vitest';
import { attachmentContentType, attachmentDisposition } from './attachment-type.ts';

describe('attachment content type', () => {
  it('labels common print files by their extension, whatever its case', () => {
    expect(attachmentContentType('proof.PDF')).toBe('application/pdf');
    expect(attachmentContentType('photo.jpeg')).toBe('image/jpeg');
    expect(attachmentContentType('part.stl')).toBe('model/stl');
  });

  it('never labels a file as something a browser renders as a page', () => {
    for (const name of ['logo.svg', 'page.html', 'page.htm', 'feed.xml', 'x.xhtml', 'noextension', 'archive.tar.gz.exe', '.pdf.html']) {
      expect(attachmentContentType(name), name).toBe('application/octet-stream');
    }
  });
});

describe('attachment disposition', () => {
  it('keeps a plain name readable', () => {
    expect(attachmentDisposition('proof v2.pdf')).toBe(`attachment; filename="proof v2.pdf"; filename*=UTF-8''proof%20v2.pdf`);
  });

  it('cannot be broken out of by quotes, semicolons or line breaks, and keeps the exact name in UTF-8', () => {
    const value = attachmentDisposition('a"; filename="evil.html\r\nX-Injected: 1 Grüße.pdf');
    expect(value).not.toMatch(/[\r\n]/);
    const [, fallback] = value.match(/filename="([^"]*)"/)!;
    expect(fallback).toBe('a_; filename=_evil.html__X-Injected: 1 Gr__e.pdf');
    expect(decodeURIComponent(value.split("UTF-8''")[1]!)).toBe('a"; filename="evil.html\r\nX-Injected: 1 Grüße.pdf');
    expect(value.split("UTF-8''")[1]).toMatch(/^[A-Za-z0-9%._~!-]+$/);
  });
});
