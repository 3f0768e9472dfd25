import { Liquid } from 'liquidjs';

/**
 * Merchants write these templates, so rendering is bounded: no file system (includes
 * find nothing), only the variables' own properties, and limits on parse and render
 * work and on memory, so a runaway loop fails instead of stalling a worker.
 */
const engine = new Liquid({
  templates: {},
  ownPropertyOnly: true,
  strictFilters: true,
  parseLimit: 100_000,
  renderLimit: 1_000,
  memoryLimit: 10_000_000,
});

export type RenderResult = { ok: true; text: string } | { ok: false; message: string };

export async function renderTemplate(source: string, variables: Record<string, unknown>): Promise<RenderResult> {
  try {
    return { ok: true, text: await engine.parseAndRender(source, variables) };
  } catch (error) {
    return { ok: false, message: `Template error: ${error instanceof Error ? error.message : String(error)}` };
  }
}
