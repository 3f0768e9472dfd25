import { isNumber, isName, type PdfDict, type PdfValue } from './objects.ts';

/** An ExtGState that makes what follows transparent: alpha below 1, a soft mask, or a blend mode other than Normal. */
export function isTransparentState(state: PdfDict, resolve: (value: PdfValue | undefined) => PdfValue | undefined): boolean {
  for (const key of ['CA', 'ca']) {
    const alpha = resolve(state.get(key));
    if (isNumber(alpha) && alpha < 1) return true;
  }
  const mask = resolve(state.get('SMask'));
  if (mask !== undefined && mask !== null && mask !== 'None') return true;
  let blend = resolve(state.get('BM'));
  if (Array.isArray(blend)) blend = resolve(blend[0]);
  return isName(blend) && blend !== 'Normal' && blend !== 'Compatible';
}
