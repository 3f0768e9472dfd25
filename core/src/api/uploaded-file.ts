/**
 * A file's name as the person named it. Browsers write a multipart file name with `"`,
 * CR and LF escaped as %22, %0D and %0A (the HTML standard's form encoding), and leave
 * every other `%` alone, so only those three are undone; a line break becomes a space.
 */
export function uploadedFileName(sent: string): string {
  const name = sent.replace(/%22/g, '"').replace(/%0D%0A|%0D|%0A/g, ' ').trim();
  return name || 'file';
}

/** A multipart file read into memory (the route's body limit bounds it), with its name as the person gave it. */
export async function readUploadedFile(file: File): Promise<{ name: string; bytes: Uint8Array }> {
  return { name: uploadedFileName(file.name), bytes: new Uint8Array(await file.arrayBuffer()) };
}
