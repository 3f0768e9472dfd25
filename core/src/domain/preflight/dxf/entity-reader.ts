import type { DxfSink } from './dxf-sink.ts';
import type { GroupReader } from './group-reader.ts';

const CLOSE_EPSILON = 1e-6;

/**
 * One entity's groups, fed as they arrive. Plain entities keep their first value per
 * code; vertex lists (LWPOLYLINE, POLYLINE's VERTEXes, SPLINE) are streamed segment by
 * segment, so a million-vertex polyline costs no memory.
 */
export class EntityReader {
  readonly values = new Map<number, number>();
  layer = '0';
  blockName = '';
  paperSpace = false;
  private readonly path: PathState;

  constructor(
    readonly type: string,
    private readonly sink: DxfSink,
    path?: PathState,
  ) {
    this.path = path ?? new PathState(sink);
  }

  feed(groups: GroupReader): void {
    const code = groups.code;
    if (code === 8) this.layer = groups.value;
    else if (code === 2) this.blockName = groups.value;
    else if (code === 67) this.paperSpace = groups.value.trim() === '1';
    else if (this.type === 'LWPOLYLINE' || this.type === 'VERTEX') {
      if (code === 10) this.path.x = groups.number();
      else if (code === 20) this.path.vertex(groups.number());
      else if (code === 42) this.path.bulge = groups.number();
      else if (code === 70 || code === 230) this.values.set(code, groups.number());
    } else if (this.type === 'SPLINE' && (code === 10 || code === 20)) {
      if (code === 10) this.path.x = groups.number();
      else this.path.vertex(groups.number());
    } else if ((code >= 10 && code <= 59) || (code >= 70 && code <= 79) || code === 210 || code === 220 || code === 230) {
      if (!this.values.has(code)) this.values.set(code, groups.number());
    }
  }

  /** A plain entity's value for a code, or the DXF default. */
  private get(code: number, fallback = 0): number {
    return this.values.get(code) ?? fallback;
  }

  /** Emits the geometry once every group is in (POLYLINE waits for its VERTEXes). */
  finish(): void {
    const sink = this.sink;
    // Arbitrary-axis extrusion (0,0,-1) is how CAD programs write mirrored 2D geometry: x flips.
    const mirror = this.get(230, 1) < 0 ? -1 : 1;
    switch (this.type) {
      case 'LINE':
        sink.line(this.get(10), this.get(20), this.get(11), this.get(21));
        break;
      case 'POINT':
      case 'TEXT':
      case 'MTEXT':
      case 'ATTDEF':
      case 'ATTRIB':
        sink.point(this.type === 'MTEXT' || this.type === 'POINT' ? this.get(10) : this.get(10) * mirror, this.get(20));
        break;
      case 'CIRCLE':
        sink.arc(this.get(10) * mirror, this.get(20), Math.abs(this.get(40)), 0, 360);
        break;
      case 'ARC':
        if (mirror < 0) sink.arc(-this.get(10), this.get(20), Math.abs(this.get(40)), 180 - this.get(51), 180 - this.get(50));
        else sink.arc(this.get(10), this.get(20), Math.abs(this.get(40)), this.get(50), this.get(51));
        break;
      case 'ELLIPSE':
        sink.ellipse(this.get(10), this.get(20), this.get(11), this.get(21), this.get(40, 1), this.get(41), this.get(42, Math.PI * 2));
        break;
      case 'SOLID':
      case 'TRACE':
      case '3DFACE':
        for (const [x, y] of [[10, 20], [11, 21], [12, 22], [13, 23]] as const) if (this.values.has(x)) sink.point(this.get(x) * (this.type === '3DFACE' ? 1 : mirror), this.get(y));
        break;
      case 'INSERT':
        sink.insert(this.blockName, this.get(10) * mirror, this.get(20), this.get(41, 1), this.get(42, 1), this.get(50) * mirror);
        break;
      case 'LWPOLYLINE':
        this.path.mirror = mirror;
        this.path.finish((this.get(70) & 1) === 1, true);
        break;
      case 'SPLINE':
        // Control points bound the curve (convex hull); drawn as its control polygon.
        this.path.finish((this.get(70) & 1) === 1, false);
        break;
    }
  }
}

/** A 2D vertex path being streamed: first and previous vertex, pending bulge. */
export class PathState {
  x = 0;
  bulge = 0;
  mirror = 1;
  private count = 0;
  private firstX = 0;
  private firstY = 0;
  private lastX = 0;
  private lastY = 0;
  private lastBulge = 0;
  private pendingBulgeVertex = false;

  constructor(private readonly sink: DxfSink) {}

  vertex(y: number): void {
    this.flushBulge();
    if (this.count === 0) {
      this.firstX = this.x;
      this.firstY = y;
    } else {
      segment(this.sink, this.lastX, this.lastY, this.x, y, this.lastBulge, this.mirror);
    }
    this.lastX = this.x;
    this.lastY = y;
    this.count++;
    this.bulge = 0;
    this.pendingBulgeVertex = true;
  }

  /** `countAsPolyline` is false for splines, which are not polylines in the facts. */
  finish(closedFlag: boolean, countAsPolyline: boolean): void {
    this.flushBulge();
    if (this.count === 0) return;
    if (this.count === 1) this.sink.point(this.lastX * this.mirror, this.lastY);
    const meets = Math.abs(this.lastX - this.firstX) <= CLOSE_EPSILON && Math.abs(this.lastY - this.firstY) <= CLOSE_EPSILON;
    if (closedFlag && !meets) segment(this.sink, this.lastX, this.lastY, this.firstX, this.firstY, this.lastBulge, this.mirror);
    if (countAsPolyline) this.sink.polyline(closedFlag || (this.count > 2 && meets));
    this.count = 0;
  }

  /** A vertex's bulge (group 42) arrives after its coordinates: file it before the next vertex. */
  private flushBulge(): void {
    if (!this.pendingBulgeVertex) return;
    this.lastBulge = this.bulge;
    this.pendingBulgeVertex = false;
  }
}

/** A straight segment, or the arc a bulge (tan of a quarter of the included angle) describes. */
function segment(sink: DxfSink, x1: number, y1: number, x2: number, y2: number, bulge: number, mirror: number): void {
  if (Math.abs(bulge) < 1e-12 || (x1 === x2 && y1 === y2)) {
    sink.line(x1 * mirror, y1, x2 * mirror, y2);
    return;
  }
  const chord = Math.hypot(x2 - x1, y2 - y1);
  const angle = 4 * Math.atan(bulge);
  const radius = chord / (2 * Math.sin(Math.abs(angle) / 2));
  // Centre: from the chord's midpoint along its left normal for a counter-clockwise bulge
  // (right for clockwise); past a half circle the cosine turns negative and crosses over.
  const sagittaToCentre = radius * Math.cos(Math.abs(angle) / 2) * Math.sign(bulge);
  const mx = (x1 + x2) / 2;
  const my = (y1 + y2) / 2;
  const nx = -(y2 - y1) / chord;
  const ny = (x2 - x1) / chord;
  const cx = mx + nx * sagittaToCentre;
  const cy = my + ny * sagittaToCentre;
  const a1 = (Math.atan2(y1 - cy, x1 - cx) * 180) / Math.PI;
  const a2 = (Math.atan2(y2 - cy, x2 - cx) * 180) / Math.PI;
  const [start, end] = bulge > 0 ? [a1, a2] : [a2, a1];
  if (mirror < 0) sink.arc(-cx, cy, radius, 180 - end, 180 - start);
  else sink.arc(cx, cy, radius, start, end);
}
