import type { Finding } from '../facts.ts';

/** An error finding: the file cannot be read (or used) as it is. */
export function meshError(code: string, message: string, fix: string): Finding {
  return { code, severity: 'error', message, fix };
}

export function failure(code: string, message: string, fix: string): { ok: false; finding: Finding } {
  return { ok: false, finding: meshError(code, message, fix) };
}

export const EXPORT_AGAIN = 'Export the model again from your design program and upload the new file.';

export function tooManyTriangles(count: number | string, limit: number): { ok: false; finding: Finding } {
  return failure(
    'mesh.too_many_triangles',
    `The model has ${typeof count === 'number' ? count.toLocaleString('en') : count} triangles; the most we can check is ${limit.toLocaleString('en')}.`,
    'Decimate the mesh (e.g. to 1,000,000 triangles) and upload it again; print detail will not suffer.',
  );
}

/** 1-based line number of a byte offset, computed only when an error needs it. */
export function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  const end = Math.min(offset, bytes.length);
  for (let i = 0; i < end; i++) if (bytes[i] === 10) line++;
  return line;
}
