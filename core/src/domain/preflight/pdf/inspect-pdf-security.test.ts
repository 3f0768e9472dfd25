import { describe, expect, it } from 'vitest';
import { encryptPdf, factsOf, inspect, printPdf } from './test-pdfs.ts';

describe('inspectPdf on encrypted files', () => {
  /** pdf.js, an independent reader, as the judge that a test file is encrypted to the standard. */
  async function textOfFirstPage(bytes: Uint8Array, password?: string): Promise<string> {
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const loading = getDocument({ data: bytes.slice(), password, verbosity: 0 });
    try {
      const page = await (await loading.promise).getPage(1);
      return (await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join('');
    } finally {
      await loading.destroy();
    }
  }

  const methods = { aes: 'AES-128', rc4: 'RC4 128-bit', aes256: 'AES-256' } as const;
  for (const method of ['aes', 'rc4', 'aes256'] as const) {
    it(`reads a file secured with ${methods[method]} that opens without a password, in full`, async () => {
      const plain = await printPdf({ useObjectStreams: false });
      const secured = await encryptPdf(plain, { method });
      expect(await textOfFirstPage(secured)).toContain('Embedded');
      const result = inspect(secured);
      const facts = factsOf(result);
      expect(facts.encrypted).toBe(true);
      expect(result.ok && result.findings).toEqual([]);
      expect({ ...facts, encrypted: false }).toEqual(factsOf(inspect(plain)));
    });
  }

  it.each(['aes', 'aes256'] as const)('reports a file that needs a user password (%s) as encrypted and unreadable', async (method) => {
    const secured = await encryptPdf(await printPdf({ useObjectStreams: false }), { method, userPassword: 'secret' });
    expect(await textOfFirstPage(secured, 'secret')).toContain('Embedded');
    const result = inspect(secured);
    expect(factsOf(result).encrypted).toBe(true);
    expect(factsOf(result).pageSizes[0]!.images).toEqual([]);
    expect(result.ok && result.findings.map((f) => [f.code, f.severity])).toEqual([['pdf.encrypted', 'error']]);
  });
});
