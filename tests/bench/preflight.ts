/**
 * `pnpm bench preflight`: the mesh and PDF figures of issue 4 in one run, each next to
 * its baseline (three.js STLLoader; the machine's memcpy rate for the same bytes).
 */
export async function run(args: string[]): Promise<number> {
  const mesh = await import('./preflight-mesh.ts');
  const pdf = await import('./preflight-pdf.ts');
  process.stdout.write('== meshes ==\n');
  const meshCode = await mesh.run(args);
  process.stdout.write('\n== PDF ==\n');
  const pdfCode = await pdf.run(args);
  return Math.max(meshCode, pdfCode);
}
