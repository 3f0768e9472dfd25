import { isDict, type PdfDict, type PdfValue } from './objects.ts';
import { catalogOf } from './page-tree.ts';
import type { PdfFile } from './read-file.ts';

/**
 * Which optional content (layers) does not print, so that what sits on it — an old
 * low-resolution image on a hidden Illustrator layer, say — is not judged. A group is
 * off when the default configuration turns it off (BaseState, ON, OFF), unless its
 * print usage says otherwise (Usage /Print /PrintState), which is what a press sees.
 */
export class OptionalContent {
  private readonly off = new Set<PdfDict>();

  constructor(private readonly file: PdfFile) {
    const catalog = catalogOf(file);
    const properties = file.dict(catalog?.get('OCProperties'));
    const config = file.dict(properties?.get('D'));
    const groups = this.dicts(properties?.get('OCGs'));
    if (groups.length === 0) return;
    const baseOff = file.resolve(config?.get('BaseState')) === 'OFF';
    const on = new Set(this.dicts(config?.get('ON')));
    const off = new Set(this.dicts(config?.get('OFF')));
    for (const group of groups) {
      let hidden = baseOff ? !on.has(group) : off.has(group);
      const print = file.dict(file.dict(group.get('Usage'))?.get('Print'));
      const printState = file.resolve(print?.get('PrintState'));
      if (printState === 'ON') hidden = false;
      else if (printState === 'OFF') hidden = true;
      if (hidden) this.off.add(group);
    }
  }

  /** Whether content marked with this group or membership dictionary (OCMD) prints. */
  isHidden(value: PdfValue | undefined): boolean {
    if (this.off.size === 0) return false;
    const dict = this.file.dict(value);
    if (!dict) return false;
    if (dict.get('Type') !== 'OCMD') return this.off.has(dict);
    const groups = this.dicts(dict.get('OCGs'));
    if (groups.length === 0) return false;
    const hidden = groups.map((group) => this.off.has(group));
    switch (this.file.resolve(dict.get('P'))) {
      case 'AllOn':
        return hidden.some(Boolean);
      case 'AnyOff':
        return !hidden.some(Boolean);
      case 'AllOff':
        return !hidden.every(Boolean);
      default: // AnyOn
        return hidden.every(Boolean);
    }
  }

  private dicts(value: PdfValue | undefined): PdfDict[] {
    const resolved = this.file.resolve(value);
    const list = Array.isArray(resolved) ? resolved : [resolved];
    return list.map((item) => this.file.resolve(item)).filter((item): item is PdfDict => isDict(item));
  }
}
