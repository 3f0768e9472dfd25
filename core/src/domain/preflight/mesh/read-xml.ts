import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { Finding, InspectLimits } from '../facts.ts';
import { EXPORT_AGAIN, meshError } from './mesh-findings.ts';
import type { Step } from './mesh-types.ts';

/** Thrown from a handler to stop saxes at once; caught in readXml only. */
export class StopXml extends Error {
  constructor(readonly finding: Finding) {
    super(finding.message);
  }
}

export interface XmlHandlers {
  /** Local name (prefix dropped) and the attributes as written. */
  open(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  /**
   * Elements that are the mesh data itself (3MF `vertex`, `triangle`): the caller caps
   * them by the triangle limit, so they do not count against maxXmlElements, which would
   * otherwise reject ordinary models of a million triangles.
   */
  data?: ReadonlySet<string>;
}

/**
 * XML through saxes, which expands no entities beyond the five predefined ones and
 * fetches nothing. Any `<!DOCTYPE` is refused outright: a 3MF never needs one, and it is
 * how billion-laughs and external-entity attacks start. Depth and element count are capped.
 */
export function readXml(text: string, what: string, limits: Pick<InspectLimits, 'maxXmlDepth' | 'maxXmlElements'>, handlers: XmlHandlers): Step<void> {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let depth = 0;
  let elements = 0;
  const data = handlers.data ?? new Set<string>();
  parser.on('doctype', () => {
    throw new StopXml(meshError('xml.doctype', `The ${what} declares a DOCTYPE, which 3MF never uses and which can hide entity-expansion attacks; the file was not read.`, 'Export the model again from your design program; do not edit the XML by hand.'));
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    depth++;
    if (depth > limits.maxXmlDepth) {
      throw new StopXml(meshError('xml.too_deep', `The ${what} nests elements more than ${limits.maxXmlDepth} deep.`, EXPORT_AGAIN));
    }
    const colon = tag.name.indexOf(':');
    const name = colon < 0 ? tag.name : tag.name.slice(colon + 1);
    if (!data.has(name) && ++elements > limits.maxXmlElements) {
      throw new StopXml(meshError('xml.too_many_elements', `The ${what} has more than ${limits.maxXmlElements.toLocaleString('en')} elements.`, EXPORT_AGAIN));
    }
    handlers.open(name, tag.attributes);
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    depth--;
    if (handlers.close) {
      const colon = tag.name.indexOf(':');
      handlers.close(colon < 0 ? tag.name : tag.name.slice(colon + 1));
    }
  });
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof StopXml) return { ok: false, finding: error.finding };
    // saxes reports malformed XML by throwing; its message names the problem and position.
    const detail = error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : 'malformed XML';
    return { ok: false, finding: meshError('xml.malformed', `The ${what} is not well-formed XML: ${detail}.`, EXPORT_AGAIN) };
  }
  return { ok: true, value: undefined };
}
