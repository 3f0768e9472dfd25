export { decodeDxf, inspectDxf } from './inspect-dxf.ts';
export { walkDxf } from './walk-dxf.ts';
export type { DxfSink } from './dxf-sink.ts';
export { DxfStop } from './dxf-findings.ts';
export { DxfFactsSink } from './dxf-facts-sink.ts';
