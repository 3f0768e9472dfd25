export { inspectRaster } from './inspect-raster.ts';
export { rasterKind, readRasterHeader, type RasterHeaderResult } from './read-raster-header.ts';
export { MAX_PIXELS } from './header-error.ts';
