import { decodeDxf, DxfStop, walkDxf } from '../../domain/preflight/dxf/index.ts';
import { BadRequestError } from '../../errors.ts';
import { DxfSvgSink } from './render-dxf-thumbnail-svg.ts';
import { renderSvgText, type ThumbnailOptions } from './render-svg-thumbnail.ts';

/** A PNG line drawing of the DXF's model space, its longer side `size` pixels, on white. */
export function renderDxfThumbnail(bytes: Uint8Array, options: ThumbnailOptions): Uint8Array {
  const sink = new DxfSvgSink();
  try {
    walkDxf(decodeDxf(bytes), sink);
  } catch (error) {
    if (error instanceof DxfStop) throw new BadRequestError(error.finding.message, { code: error.finding.code });
    throw error;
  }
  const svg = sink.toSvg(options.size);
  if (!svg) throw new BadRequestError('The drawing has no geometry to show.', { code: 'dxf.empty' });
  return renderSvgText(svg, options);
}
