import type { Finding, InspectLimits, Inspection, SvgFacts } from '../facts.ts';
import { decodeText } from './decode-text.ts';
import { readSvgXml } from './read-svg-xml.ts';
import { SvgCollector } from './svg-collector.ts';
import { StopSvg, svgError } from './svg-findings.ts';
import { StyleSheet } from './svg-style.ts';
import { readViewport } from './svg-viewport.ts';

/**
 * SVG facts in one or two SAX passes. When the file has a `<style>` element, a first
 * pass gathers the style sheet (it may come after the shapes it styles); the second
 * walks the elements with it. Nothing is fetched or run.
 */
export function inspectSvg(bytes: Uint8Array, limits: InspectLimits): Inspection {
  try {
    return inspect(decodeText(bytes), limits);
  } catch (error) {
    // A reader bug (or a string too long for the engine) must not take the worker down.
    const detail = error instanceof Error ? error.message : String(error);
    return fail(svgError('svg.unreadable', `The SVG could not be read (${detail.slice(0, 200)}).`));
  }
}

function inspect(text: string, limits: InspectLimits): Inspection {
  const sheet = new StyleSheet();
  if (/<style[\s>]/.test(text)) {
    let inStyle = 0;
    let css = '';
    const stopped = readSvgXml(text, limits, {
      open: (name) => void (name === 'style' && inStyle++),
      close: (name) => {
        if (name !== 'style') return;
        inStyle--;
        sheet.add(css);
        css = '';
      },
      text: (chunk) => {
        if (inStyle > 0) css += chunk;
      },
    });
    if (stopped) return fail(stopped);
  }

  let collector: SvgCollector | null = null;
  let facts: Pick<SvgFacts, 'sizeMm' | 'viewBox' | 'units'> | null = null;
  const stopped = readSvgXml(text, limits, {
    open(name, attributes) {
      if (!collector) {
        if (name !== 'svg') throw new StopSvg(svgError('svg.no_root', `The file's root element is <${name}>, not <svg>.`, 'Upload an SVG file exported from a drawing program.'));
        const viewport = readViewport(attributes);
        facts = { sizeMm: viewport.sizeMm, viewBox: viewport.viewBox, units: viewport.units };
        collector = new SvgCollector(viewport, sheet);
      }
      collector.open(name, attributes);
    },
    close: () => collector?.close(),
  });
  if (stopped) return fail(stopped);
  // TypeScript cannot see the assignments made inside the handlers.
  const found = collector as SvgCollector | null;
  const root = facts as Pick<SvgFacts, 'sizeMm' | 'viewBox' | 'units'> | null;
  if (!found || !root) return fail(svgError('svg.no_root', 'The file has no <svg> element.', 'Upload an SVG file exported from a drawing program.'));
  return {
    ok: true,
    kind: 'svg',
    facts: {
      kind: 'svg',
      ...root,
      textElements: found.textElements,
      openPaths: found.openPaths,
      closedPaths: found.closedPaths,
      strokeWidthsMm: found.strokeWidthsMm,
      images: found.images,
      activeContent: found.activeContent,
    },
    findings: found.notes(),
  };
}

function fail(finding: Finding): Inspection {
  return { ok: false, kind: 'svg', finding };
}
