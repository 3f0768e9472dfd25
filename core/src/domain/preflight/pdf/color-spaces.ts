import { isNumber, PdfStream, type PdfValue } from './objects.ts';

type Resolve = (value: PdfValue | undefined) => PdfValue | undefined;

const PROCESS_COLORANTS = new Set(['Cyan', 'Magenta', 'Yellow', 'Black']);
const ABBREVIATIONS: Record<string, string> = { G: 'DeviceGray', RGB: 'DeviceRGB', CMYK: 'DeviceCMYK', I: 'Indexed' };

/**
 * A colour space as the rules read it: DeviceRGB, DeviceCMYK, DeviceGray, ICCBased:RGB
 * (by its N), Separation:<name>, DeviceN:<names>, Indexed:<base>, Lab, CalRGB, Pattern.
 * A Separation or DeviceN of process colorants only (Cyan, Magenta, Yellow, Black) is
 * reported as DeviceCMYK: it prints on the CMYK plates, it isn't a spot colour.
 */
export function describeColorSpace(value: PdfValue | undefined, resolve: Resolve, depth = 0): string | null {
  const space = resolve(value);
  if (typeof space === 'string') return ABBREVIATIONS[space] ?? space;
  if (!Array.isArray(space) || space.length === 0 || depth > 4) return null;
  const family = resolve(space[0]);
  switch (family) {
    case 'ICCBased': {
      const stream = resolve(space[1]);
      const n = stream instanceof PdfStream ? resolve(stream.dict.get('N')) : undefined;
      return n === 1 ? 'ICCBased:Gray' : n === 3 ? 'ICCBased:RGB' : n === 4 ? 'ICCBased:CMYK' : 'ICCBased';
    }
    case 'Separation': {
      const name = resolve(space[1]);
      if (typeof name !== 'string') return 'Separation';
      return PROCESS_COLORANTS.has(name) ? 'DeviceCMYK' : `Separation:${name}`;
    }
    case 'DeviceN': {
      const names = resolve(space[1]);
      const colorants = Array.isArray(names) ? names.map((n) => resolve(n)).filter((n): n is string => typeof n === 'string') : [];
      const spots = colorants.filter((n) => !PROCESS_COLORANTS.has(n) && n !== 'None');
      return spots.length === 0 && colorants.length > 0 ? 'DeviceCMYK' : `DeviceN:${colorants.join(',')}`;
    }
    case 'Indexed':
    case 'I': {
      const base = describeColorSpace(space[1], resolve, depth + 1);
      return base ? `Indexed:${base}` : 'Indexed';
    }
    case 'Pattern':
      return 'Pattern';
    case 'CalRGB':
    case 'CalGray':
    case 'CalCMYK':
    case 'Lab':
      return family;
    default:
      return typeof family === 'string' ? (ABBREVIATIONS[family] ?? family) : null;
  }
}

/** Colour components per sample, for sizing inline image data; null when unknown. */
export function componentsOf(value: PdfValue | undefined, resolve: Resolve, depth = 0): number | null {
  const space = resolve(value);
  if (typeof space === 'string') {
    const name = ABBREVIATIONS[space] ?? space;
    return name === 'DeviceGray' || name === 'CalGray' || name === 'Indexed' ? 1 : name === 'DeviceRGB' || name === 'CalRGB' || name === 'Lab' ? 3 : name === 'DeviceCMYK' ? 4 : null;
  }
  if (!Array.isArray(space) || depth > 4) return null;
  const family = resolve(space[0]);
  if (family === 'ICCBased') {
    const stream = resolve(space[1]);
    const n = stream instanceof PdfStream ? resolve(stream.dict.get('N')) : undefined;
    return isNumber(n) ? n : null;
  }
  if (family === 'Indexed' || family === 'I' || family === 'Separation') return 1;
  if (family === 'DeviceN') {
    const names = resolve(space[1]);
    return Array.isArray(names) ? names.length : null;
  }
  return typeof family === 'string' ? componentsOf(family, resolve, depth + 1) : null;
}
