import { NumberScanner } from './number-scanner.ts';

export interface Closure {
  open: number;
  closed: number;
}

/** How far apart (in user units) an end point may be from its start and still close the outline. */
const CLOSE_EPSILON = 1e-3;

/** Arguments per command letter (lower case); arcs are read apart for their flags. */
const ARITY: Record<string, number> = { m: 2, l: 2, h: 1, v: 1, c: 6, s: 4, q: 4, t: 2, a: 7 };

/**
 * Counts the subpaths of a path's `d`: closed by Z/z or ending where they started, else
 * open. A subpath that only moves draws nothing and is not counted. Bad data ends the
 * path where it went wrong, as renderers do (SVG 2 §9.5.4).
 */
export function pathClosure(d: string): Closure {
  const result: Closure = { open: 0, closed: 0 };
  const scan = new NumberScanner(d);
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let drawn = false;
  const finish = (closedByZ: boolean) => {
    if (!drawn) return;
    if (closedByZ || (Math.abs(x - startX) <= CLOSE_EPSILON && Math.abs(y - startY) <= CLOSE_EPSILON)) result.closed++;
    else result.open++;
    drawn = false;
  };
  const args = new Array<number>(7);

  let command = '';
  while (!scan.done) {
    if (!scan.atNumber()) {
      command = String.fromCharCode(scan.peek());
      scan.advance();
      if (command === 'z' || command === 'Z') {
        finish(true);
        x = startX;
        y = startY;
        continue;
      }
      if (ARITY[command.toLowerCase()] === undefined) break;
    } else if (command === '' || command === 'z' || command === 'Z') {
      break; // Numbers with no command before them.
    }
    const lower = command.toLowerCase();
    const relative = command === lower;
    if (!readArguments(scan, lower, args)) break;
    switch (lower) {
      case 'm':
        finish(false);
        x = relative ? x + args[0]! : args[0]!;
        y = relative ? y + args[1]! : args[1]!;
        startX = x;
        startY = y;
        // Further pairs after a moveto are linetos.
        command = relative ? 'l' : 'L';
        continue;
      case 'h':
        x = relative ? x + args[0]! : args[0]!;
        break;
      case 'v':
        y = relative ? y + args[0]! : args[0]!;
        break;
      default: {
        const n = lower === 'a' ? 7 : ARITY[lower]!;
        x = relative ? x + args[n - 2]! : args[n - 2]!;
        y = relative ? y + args[n - 1]! : args[n - 1]!;
      }
    }
    drawn = true;
  }
  finish(false);
  return result;
}

function readArguments(scan: NumberScanner, command: string, into: number[]): boolean {
  const count = ARITY[command]!;
  for (let i = 0; i < count; i++) {
    const value = command === 'a' && (i === 3 || i === 4) ? scan.flag() : scan.number();
    if (value === null) return false;
    into[i] = value;
  }
  return true;
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
