export { inspectSvg } from './inspect-svg.ts';
export { decodeText as decodeSvgText } from './decode-text.ts';
export { doctypeFinding, hasDoctype } from './read-svg-xml.ts';
