import type { FileKind } from '../../domain/preflight/facts.ts';
import { renderDxfThumbnail } from './render-dxf-thumbnail.ts';
import { renderMeshFileThumbnail } from './render-mesh-thumbnail.ts';
import { renderRasterThumbnail } from './render-raster-thumbnail.ts';
import { renderSvgThumbnail } from './render-svg-thumbnail.ts';

/**
 * A PNG preview of any file preflight reads, longer side `size` px: a PDF's first page,
 * an SVG or DXF drawn without running anything from the file, a raster scaled down, a
 * mesh shaded. Runs in the preflight worker thread, under its time and memory budget.
 */
export async function renderThumbnail(bytes: Uint8Array, kind: FileKind, size: number): Promise<Uint8Array> {
  switch (kind) {
    case 'pdf':
    case 'ai': {
      // Loaded on first use: pdf.js is large and most files are not PDFs.
      const { renderPdfThumbnail } = await import('./render-pdf-thumbnail.ts');
      return renderPdfThumbnail(bytes, { size });
    }
    case 'svg':
      return renderSvgThumbnail(bytes, { size });
    case 'dxf':
      return renderDxfThumbnail(bytes, { size });
    case 'png':
    case 'jpeg':
    case 'tiff':
      return renderRasterThumbnail(bytes, { size });
    case 'stl':
    case 'obj':
    case '3mf':
      return renderMeshFileThumbnail(bytes, kind, { size });
  }
}
