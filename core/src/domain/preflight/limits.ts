import type { InspectLimits } from './facts.ts';

/** Generous for real print files, small enough that a hostile one cannot exhaust a worker. */
export const defaultInspectLimits: InspectLimits = {
  maxBytes: 512 * 1024 * 1024,
  maxTriangles: 20_000_000,
  maxZipEntries: 10_000,
  maxUncompressedBytes: 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxPdfPages: 5_000,
  maxXmlDepth: 256,
  maxXmlElements: 2_000_000,
};
