/** The files sent under one multipart field, read into memory (the route's body limit bounds them). */
export async function fileParts(form: FormData, field: string): Promise<{ name: string; bytes: Uint8Array }[]> {
  const parts = [];
  for (const value of form.getAll(field)) {
    if (typeof value === 'string') continue;
    parts.push({ name: value.name || 'file', bytes: new Uint8Array(await value.arrayBuffer()) });
  }
  return parts;
}

export function formText(form: FormData, field: string): string | null {
  const value = form.get(field);
  return typeof value === 'string' ? value : null;
}
