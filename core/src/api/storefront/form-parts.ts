import { readUploadedFile } from '../uploaded-file.ts';

/** The files sent under one multipart field, read into memory (the route's body limit bounds them). */
export async function fileParts(form: FormData, field: string): Promise<{ name: string; bytes: Uint8Array }[]> {
  const parts = [];
  for (const value of form.getAll(field)) {
    if (typeof value !== 'string') parts.push(await readUploadedFile(value));
  }
  return parts;
}

export function formText(form: FormData, field: string): string | null {
  const value = form.get(field);
  return typeof value === 'string' ? value : null;
}
