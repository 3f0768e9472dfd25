/**
 * PDFs built for the tests: a print file whose facts are known by construction, and
 * hand-written hostile ones. Test support only; nothing in production imports it.
 */
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- test support: node's own MD5 and AES encrypt test files, independent of the reader's
import { createCipheriv, createHash } from 'node:crypto';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- the tests read their font fixture from disk; the code under test stays pure
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { zlibSync } from 'fflate';
import { cmyk, PDFDocument, PDFHexString, PDFName, PDFRawStream, rgb, StandardFonts, type PDFPage } from 'pdf-lib';
import { PNG } from 'pngjs';
import type { InspectLimits, Inspection, PdfFacts } from '../facts.ts';
import { defaultInspectLimits } from '../limits.ts';
import { inspectPdf } from './index.ts';
// Node's OpenSSL no longer offers RC4: the test files are encrypted with the reader's own (pdf.js confirms them in the security tests).
import { rc4 } from './ciphers.ts';

export const MM = 72 / 25.4;

/** 300 × 150 px baseline JPEG (solid red). */
const JPEG_300x150 = Uint8Array.from(
  atob(
    '/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCACWASwDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFgEBAQEAAAAAAAAAAAAAAAAAAAQG/8QAFBEBAAAAAAAAAAAAAAAAAAAAAP/aAAwDAQACEQMRAD8AjgIWoAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAf/9k=',
  ),
  (c) => c.charCodeAt(0),
);

export function pngBytes(width: number, height: number): Uint8Array {
  const png = new PNG({ width, height });
  png.data.fill(0x80);
  // RGB without alpha: an alpha channel would become an SMask, which is transparency.
  return new Uint8Array(PNG.sync.write(png, { colorType: 2 }));
}

export function fontBytes(): Uint8Array {
  return new Uint8Array(readFileSync(new URL('../../../../node_modules/pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf', import.meta.url)));
}

function setColorSpace(page: PDFPage, name: string, space: unknown[]): void {
  const { Resources } = page.node.normalizedEntries();
  Resources.set(PDFName.of('ColorSpace'), page.doc.context.obj({ [name]: space as never }));
}

function addContent(page: PDFPage, content: string): void {
  page.node.addContentStream(page.doc.context.register(page.doc.context.flateStream(content)));
}

/**
 * Three pages, each fact known by construction:
 * 1. A4 trim with 3 mm bleed (Trim/BleedBox), LiberationSans embedded, a 600 × 300 px PNG
 *    placed 2 × 1 in (300 ppi), CMYK fill.
 * 2. 100 × 150 mm, no TrimBox; Helvetica (not embedded); the 300 × 150 px JPEG placed
 *    4 × 2 in (75 ppi); a Separation "PANTONE 485 C" fill; a rectangle at opacity 0.5.
 * 3. Letter, /Rotate 90; the PNG inside a form XObject scaled 2× (600 px over 200 pt =
 *    216 ppi); a 4 × 4 px inline image over one inch (4 ppi); RGB fill.
 */
export async function printPdf(options: { useObjectStreams?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const liberation = await doc.embedFont(fontBytes());
  const helvetica = await doc.embedFont(StandardFonts.Helvetica);
  const png = await doc.embedPng(pngBytes(600, 300));
  const jpeg = await doc.embedJpg(JPEG_300x150);

  const bleed = 3 * MM;
  const a4 = doc.addPage([210 * MM + 2 * bleed, 297 * MM + 2 * bleed]);
  a4.setTrimBox(bleed, bleed, 210 * MM, 297 * MM);
  a4.setBleedBox(0, 0, 210 * MM + 2 * bleed, 297 * MM + 2 * bleed);
  a4.drawText('Embedded', { x: 50, y: 700, font: liberation, size: 24 });
  a4.drawRectangle({ x: 50, y: 50, width: 100, height: 100, color: cmyk(0, 0.5, 1, 0) });
  a4.drawImage(png, { x: 100, y: 300, width: 144, height: 72 });

  const small = doc.addPage([100 * MM, 150 * MM]);
  small.drawText('Standard font', { x: 10, y: 10, font: helvetica, size: 10 });
  small.drawImage(jpeg, { x: 0, y: 100, width: 288, height: 144 });
  small.drawRectangle({ x: 10, y: 20, width: 50, height: 50, color: rgb(0, 0, 1), opacity: 0.5 });
  const tint = doc.context.obj({ FunctionType: 2, Domain: [0, 1], C0: [0, 0, 0, 0], C1: [0, 0.95, 1, 0], N: 1 });
  setColorSpace(small, 'CS0', ['Separation', 'PANTONE 485 C', 'DeviceCMYK', tint]);
  addContent(small, 'q /CS0 cs 1 scn 0 0 20 20 re f Q');

  const letter = doc.addPage([612, 792]);
  letter.setRotation({ type: 'degrees', angle: 90 } as never);
  const form = doc.context.register(
    doc.context.flateStream('q 100 0 0 50 0 0 cm /Im0 Do Q', {
      Type: 'XObject',
      Subtype: 'Form',
      BBox: [0, 0, 100, 50],
      Resources: { XObject: { Im0: png.ref } },
    }),
  );
  letter.node.setXObject(PDFName.of('Fm0'), form);
  letter.drawRectangle({ x: 300, y: 300, width: 10, height: 10, color: rgb(1, 0, 0) });
  const inline = 'q 72 0 0 72 400 400 cm BI /W 4 /H 4 /CS /G /BPC 8 ID ' + 'EI\u0000'.repeat(4) + '\nEI Q';
  addContent(letter, `q 2 0 0 2 10 10 cm /Fm0 Do Q ${inline}`);
  return doc.save({ useObjectStreams: options.useObjectStreams ?? true });
}

/** A PDF written by hand: objects in order, a correct xref table, and a trailer. */
export function rawPdf(objects: string[], trailer: string, version = '1.4'): Uint8Array {
  let body = `%PDF-${version}\n%\u00e2\u00e3\u00cf\u00d3\n`;
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(body, (c) => c.charCodeAt(0));
}

/** An encrypted one-page PDF (RC4, as Acrobat writes for "no printing"); its content is ciphertext. */
export function encryptedPdf(): Uint8Array {
  return rawPdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 6 0 R >> >> >>',
      '<< /Length 8 >>\nstream\n\u00a7\u0013\u00ee\u0091x\u0002\u00c4\u00ff\nendstream',
      '<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a> /U <28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a> >>',
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ],
    '/Root 1 0 R /Encrypt 5 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]',
  );
}

/** One page whose content stream inflates to `inflatedBytes` zero bytes. */
export function flateBombPdf(inflatedBytes: number): Uint8Array {
  const compressed = zlibSync(new Uint8Array(inflatedBytes), { level: 9 });
  const head = rawPdf(
    ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>'],
    '/Root 1 0 R',
  );
  // Append the stream object as an incremental update so the head's xref stays valid.
  const text = new TextDecoder('latin1').decode(head);
  const stream = `4 0 obj\n<< /Length ${compressed.length} /Filter /FlateDecode >>\nstream\n`;
  const tail = `\nendstream\nendobj\ntrailer\n<< /Size 5 /Root 1 0 R >>\n%%EOF\n`;
  const enc = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
  return concatBytes([enc(text), enc(stream), compressed, enc(tail)]);
}

export function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const PASSWORD_PAD = Uint8Array.from(Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex'));
const md5 = (...parts: Uint8Array[]) => new Uint8Array(createHash('md5').update(concatBytes(parts)).digest());
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

const padded = (password: string) => concatBytes([new TextEncoder().encode(password), PASSWORD_PAD]).subarray(0, 32);

/**
 * `bytes` (written without object streams) encrypted by the standard security handler
 * as Acrobat does: RC4 128-bit (revision 3) or AES-128 (revision 4), owner password
 * "owner" and the given user password ('' opens without one). Streams are encrypted;
 * the Info strings are left as they are, which readers tolerate.
 */
export async function encryptPdf(bytes: Uint8Array, options: { method: 'rc4' | 'aes' | 'aes256'; userPassword?: string }): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  if (options.method === 'aes256') return encryptAes256(doc, options.userPassword ?? '');
  const revision = options.method === 'aes' ? 4 : 3;
  const n = 16;
  const id = md5(new TextEncoder().encode('pressline test file'));
  const permissions = -3904;
  // Algorithm 3: O from the owner and user passwords.
  let ownerHash = md5(padded('owner'));
  for (let i = 0; i < 50; i++) ownerHash = md5(ownerHash);
  let owner = rc4(ownerHash, padded(options.userPassword ?? ''));
  for (let i = 1; i <= 19; i++) owner = rc4(ownerHash.map((b) => b ^ i), owner);
  // Algorithm 2: the file key.
  const p = new Uint8Array(4);
  new DataView(p.buffer).setInt32(0, permissions, true);
  let keyHash = md5(padded(options.userPassword ?? ''), owner, p, id);
  for (let i = 0; i < 50; i++) keyHash = md5(keyHash.subarray(0, n));
  const key = keyHash.subarray(0, n);
  // Algorithm 5: U.
  let user = rc4(key, md5(PASSWORD_PAD, id));
  for (let i = 1; i <= 19; i++) user = rc4(key.map((b) => b ^ i), user);
  user = concatBytes([user, new Uint8Array(16)]);

  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const salt = options.method === 'aes' ? new TextEncoder().encode('sAlT') : new Uint8Array(0);
    const objectKey = md5(key, Uint8Array.of(ref.objectNumber & 0xff, (ref.objectNumber >> 8) & 0xff, ref.objectNumber >> 16, ref.generationNumber & 0xff, ref.generationNumber >> 8), salt).subarray(0, 16);
    let encrypted: Uint8Array;
    if (options.method === 'aes') {
      const iv = md5(objectKey);
      const cipher = createCipheriv('aes-128-cbc', objectKey, iv);
      encrypted = concatBytes([iv, cipher.update(object.contents), cipher.final()]);
    } else encrypted = rc4(objectKey, object.contents);
    doc.context.assign(ref, PDFRawStream.of(object.dict, encrypted));
  }
  const encrypt =
    options.method === 'aes'
      ? doc.context.obj({ Filter: 'Standard', V: 4, R: revision, Length: 128, P: permissions, CF: { StdCF: { CFM: 'AESV2', AuthEvent: 'DocOpen', Length: 16 } }, StmF: 'StdCF', StrF: 'StdCF' })
      : doc.context.obj({ Filter: 'Standard', V: 2, R: revision, Length: 128, P: permissions });
  encrypt.set(PDFName.of('O'), PDFHexString.of(hex(owner)));
  encrypt.set(PDFName.of('U'), PDFHexString.of(hex(user)));
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(hex(id)), PDFHexString.of(hex(id))]);
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
}

const sha = (name: 'sha256' | 'sha384' | 'sha512', data: Uint8Array) => new Uint8Array(createHash(name).update(data).digest());

/** Algorithm 2.B (revision 6) with node's SHA-2 and AES, for the test files. */
function hash2B(password: Uint8Array, salt: Uint8Array, userKey: Uint8Array): Uint8Array {
  let k = sha('sha256', concatBytes([password, salt, userKey]));
  for (let round = 0; ; round++) {
    const unit = concatBytes([password, k, userKey]);
    const k1 = concatBytes(Array.from({ length: 64 }, () => unit));
    const cipher = createCipheriv('aes-128-cbc', k.subarray(0, 16), k.subarray(16, 32));
    cipher.setAutoPadding(false);
    const e = new Uint8Array(Buffer.concat([cipher.update(k1), cipher.final()]));
    const sum = e.subarray(0, 16).reduce((a, b) => a + b, 0);
    k = sha(sum % 3 === 0 ? 'sha256' : sum % 3 === 1 ? 'sha384' : 'sha512', e);
    if (round >= 63 && e[e.length - 1]! <= round - 31) return k.subarray(0, 32);
  }
}

/** AES-256, revision 6 (ISO 32000-2), as Acrobat X and later write it. */
async function encryptAes256(doc: PDFDocument, userPassword: string): Promise<Uint8Array> {
  const password = new TextEncoder().encode(userPassword);
  const fileKey = sha('sha256', new TextEncoder().encode('file key'));
  const validationSalt = Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8);
  const keySalt = Uint8Array.of(8, 7, 6, 5, 4, 3, 2, 1);
  const user = concatBytes([hash2B(password, validationSalt, new Uint8Array(0)), validationSalt, keySalt]);
  const wrap = createCipheriv('aes-256-cbc', hash2B(password, keySalt, new Uint8Array(0)), new Uint8Array(16));
  wrap.setAutoPadding(false);
  const userEncryptedKey = new Uint8Array(Buffer.concat([wrap.update(fileKey), wrap.final()]));
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const iv = md5(Uint8Array.of(ref.objectNumber));
    const cipher = createCipheriv('aes-256-cbc', fileKey, iv);
    doc.context.assign(ref, PDFRawStream.of(object.dict, concatBytes([iv, cipher.update(object.contents), cipher.final()])));
  }
  const encrypt = doc.context.obj({ Filter: 'Standard', V: 5, R: 6, Length: 256, P: -3904, CF: { StdCF: { CFM: 'AESV3', AuthEvent: 'DocOpen', Length: 32 } }, StmF: 'StdCF', StrF: 'StdCF' });
  // The owner entries only matter to someone opening with the owner password; the tests never do.
  encrypt.set(PDFName.of('O'), PDFHexString.of(hex(new Uint8Array(48).fill(7))));
  encrypt.set(PDFName.of('OE'), PDFHexString.of(hex(new Uint8Array(32).fill(9))));
  encrypt.set(PDFName.of('U'), PDFHexString.of(hex(user)));
  encrypt.set(PDFName.of('UE'), PDFHexString.of(hex(userEncryptedKey)));
  encrypt.set(PDFName.of('Perms'), PDFHexString.of(hex(new Uint8Array(16))));
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  const id = md5(new TextEncoder().encode('pressline test file'));
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(hex(id)), PDFHexString.of(hex(id))]);
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
}

/** The facts of a result that must have read; a refusal fails the test with its finding. */
export function factsOf(result: Inspection): PdfFacts {
  if (!result.ok) throw new Error(`expected facts, got ${result.finding.code}: ${result.finding.message}`);
  return result.facts as PdfFacts;
}

export const inspect = (bytes: Uint8Array, limits: Partial<InspectLimits> = {}) => inspectPdf(bytes, { ...defaultInspectLimits, ...limits });

/** A one-page PDF around a content stream and its resources. */
export function pageWith(content: string, resources: string, extra: string[] = [], pageExtra = ''): Uint8Array {
  return rawPdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources ${resources} ${pageExtra} >>`,
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
      ...extra,
    ],
    '/Root 1 0 R',
  );
}
