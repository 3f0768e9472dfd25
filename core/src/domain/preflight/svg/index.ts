export { inspectSvg } from './inspect-svg.ts';
export { decodeText as decodeSvgText } from './decode-text.ts';
export { doctypeFinding, hasDoctype, readSvgXml, type SvgXmlHandlers } from './read-svg-xml.ts';
