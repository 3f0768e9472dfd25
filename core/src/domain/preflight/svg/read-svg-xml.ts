import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { Finding, InspectLimits } from '../facts.ts';
import { StopSvg, svgError } from './svg-findings.ts';

export interface SvgXmlHandlers {
  /** Local name (prefix dropped), the attributes as written, and the name as written. */
  open(name: string, attributes: Record<string, string>, qualifiedName: string): void;
  close(name: string, qualifiedName: string): void;
  /** Character data, only wanted inside a few elements (`<style>`). */
  text?(text: string): void;
}

/**
 * True when the text declares a DOCTYPE anywhere. Checked on the raw text, before any
 * parser (saxes here, the renderer's own for thumbnails) sees it: a DTD is how billion
 * laughs and external-entity attacks start, and a plain SVG never needs one.
 */
export function hasDoctype(text: string): boolean {
  return /<!DOCTYPE/i.test(text);
}

export const doctypeFinding: Finding = svgError(
  'xml.doctype',
  'The SVG declares a DOCTYPE; Pressline does not read DTDs (they can expand entities or reach outside the file), so the file was not read.',
  'Export the SVG again without a DOCTYPE (Inkscape: "Plain SVG" or "Optimized SVG"; Illustrator: SVG 1.1 with "Preserve Illustrator Editing Capabilities" off), or delete the <!DOCTYPE …> line.',
);

/**
 * XML through saxes, which expands no entities beyond the five predefined ones and fetches
 * nothing; depth and element count are capped. Returns the finding that stopped it, or null.
 */
export function readSvgXml(text: string, limits: Pick<InspectLimits, 'maxXmlDepth' | 'maxXmlElements'>, handlers: SvgXmlHandlers): Finding | null {
  if (hasDoctype(text)) return doctypeFinding;
  const parser = new SaxesParser({ xmlns: false, position: false });
  let depth = 0;
  let elements = 0;
  parser.on('doctype', () => {
    throw new StopSvg(doctypeFinding);
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (++depth > limits.maxXmlDepth) {
      throw new StopSvg(svgError('xml.too_deep', `The SVG nests elements more than ${limits.maxXmlDepth} deep; no drawing program needs that.`));
    }
    if (++elements > limits.maxXmlElements) {
      throw new StopSvg(svgError('xml.too_many_elements', `The SVG has more than ${limits.maxXmlElements.toLocaleString('en')} elements.`, 'Simplify the drawing (combine paths, remove hidden objects) and export it again.'));
    }
    handlers.open(localName(tag.name), tag.attributes, tag.name);
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    depth--;
    handlers.close(localName(tag.name), tag.name);
  });
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof StopSvg) return error.finding;
    // saxes reports malformed XML by throwing; its message names the problem and where.
    const detail = error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : 'malformed XML';
    return svgError('xml.malformed', `The SVG is not well-formed XML: ${detail}.`);
  }
  return null;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
