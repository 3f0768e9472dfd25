import { NumberScanner } from './number-scanner.ts';

export interface Closure {
  open: number;
  closed: number;
}

/** How far apart (in user units) an end point may be from its start and still close the outline. */
const CLOSE_EPSILON = 1e-3;

/** Arguments per command, indexed by the lower-case letter's char code; 0 for none. */
const ARITY = new Uint8Array(128);
for (const [letter, count] of Object.entries({ m: 2, l: 2, h: 1, v: 1, c: 6, s: 4, q: 4, t: 2, a: 7 })) ARITY[letter.charCodeAt(0)] = count;
const Z = 0x7a;
const M = 0x6d;
const H = 0x68;
const V = 0x76;
const A = 0x61;

/**
 * Counts the subpaths of a path's `d`: closed by Z/z or ending where they started, else
 * open. A subpath that only moves draws nothing and is not counted. Bad data ends the
 * path where it went wrong, as renderers do (SVG 2 §9.5.4).
 */
export function pathClosure(d: string): Closure {
  const result: Closure = { open: 0, closed: 0 };
  const scan = new NumberScanner(d);
  const args = new Array<number>(7).fill(0);
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let drawn = false;
  /** The current command as a lower-case char code (0 before the first) and whether it is relative. */
  let command = 0;
  let relative = false;

  while (!scan.done) {
    if (!scan.atNumber()) {
      const code = scan.peek();
      scan.advance();
      command = code | 0x20;
      relative = code >= 0x61;
      if (command === Z) {
        if (drawn) result.closed++;
        drawn = false;
        x = startX;
        y = startY;
        continue;
      }
      if (command >= 128 || ARITY[command] === 0) break;
    } else if (command === 0 || command === Z) {
      break; // Numbers with no command before them.
    }
    const count = ARITY[command]!;
    for (let i = 0; i < count; i++) {
      const value = command === A && (i === 3 || i === 4) ? scan.flag() : scan.number();
      if (value === null) return finish(result, drawn, x, y, startX, startY);
      args[i] = value;
    }
    if (command === M) {
      finish(result, drawn, x, y, startX, startY);
      drawn = false;
      x = relative ? x + args[0]! : args[0]!;
      y = relative ? y + args[1]! : args[1]!;
      startX = x;
      startY = y;
      command = 0x6c; // Further pairs after a moveto are linetos.
      continue;
    }
    if (command === H) x = relative ? x + args[0]! : args[0]!;
    else if (command === V) y = relative ? y + args[0]! : args[0]!;
    else {
      x = relative ? x + args[count - 2]! : args[count - 2]!;
      y = relative ? y + args[count - 1]! : args[count - 1]!;
    }
    drawn = true;
  }
  return finish(result, drawn, x, y, startX, startY);
}

/** Files the subpath that just ended (if it drew anything) as open or closed. */
function finish(result: Closure, drawn: boolean, x: number, y: number, startX: number, startY: number): Closure {
  if (drawn) {
    if (Math.abs(x - startX) <= CLOSE_EPSILON && Math.abs(y - startY) <= CLOSE_EPSILON) result.closed++;
    else result.open++;
  }
  return result;
}

/** `points` of a polyline/polygon as flat x,y pairs (an odd last number is dropped, as SVG says). */
export function readPoints(points: string): number[] {
  const scan = new NumberScanner(points);
  const out: number[] = [];
  while (!scan.done) {
    const value = scan.number();
    if (value === null) break;
    out.push(value);
  }
  if (out.length % 2 === 1) out.pop();
  return out;
}

/** A polyline drawn back to its first point is a closed outline for a cutter. */
export function polylineClosure(points: string, polygon: boolean): Closure {
  const flat = readPoints(points);
  if (flat.length < 4) return { open: 0, closed: 0 };
  if (polygon) return { open: 0, closed: 1 };
  const n = flat.length;
  const closed = flat.length >= 6 && Math.abs(flat[0]! - flat[n - 2]!) <= CLOSE_EPSILON && Math.abs(flat[1]! - flat[n - 1]!) <= CLOSE_EPSILON;
  return closed ? { open: 0, closed: 1 } : { open: 1, closed: 0 };
}
