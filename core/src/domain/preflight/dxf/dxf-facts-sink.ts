import { Bounds } from './bounds.ts';
import type { DxfSink } from './dxf-sink.ts';

interface Insert {
  block: string;
  x: number;
  y: number;
  scaleX: number;
  scaleY: number;
  rotation: number;
}

interface Block {
  baseX: number;
  baseY: number;
  bounds: Bounds;
  inserts: Insert[];
}

/** Caps on what the facts list: a hostile file may invent a million type or layer names. */
const MAX_TYPES = 500;
const MAX_LAYERS = 10_000;
const MAX_NESTING = 32;

/**
 * Collects the facts from the walker: counts and polylines of the ENTITIES section, layer
 * names, and the extent of model space including block references (INSERT), each block
 * bounded once and reused, so nested references cost nothing extra.
 */
export class DxfFactsSink implements DxfSink {
  readonly entities: Record<string, number> = {};
  readonly layers = new Set<string>();
  closedPolylines = 0;
  openPolylines = 0;
  insunits: string | undefined;
  private readonly model = new Bounds();
  private readonly modelInserts: Insert[] = [];
  private readonly blocks = new Map<string, Block>();
  private types = 0;
  private current = { type: '', block: null as string | null, bounds: new Bounds(), closed: 0, open: 0, inserts: [] as Insert[] };

  begin(type: string, block: string | null): void {
    // One record reused for every entity: a drawing has millions and each would be garbage.
    const current = this.current;
    current.type = type;
    current.block = block;
    current.bounds.reset();
    current.closed = 0;
    current.open = 0;
    current.inserts.length = 0;
  }

  end(layer: string, paperSpace: boolean): void {
    const { type, block, bounds, closed, open, inserts } = this.current;
    this.layer(layer);
    if (block !== null) {
      const target = this.blocks.get(block);
      target?.bounds.addBounds(bounds);
      target?.inserts.push(...inserts);
      return;
    }
    if (!(type in this.entities) && this.types++ >= MAX_TYPES) this.entities['(other)'] = (this.entities['(other)'] ?? 0) + 1;
    else this.entities[type] = (this.entities[type] ?? 0) + 1;
    this.closedPolylines += closed;
    this.openPolylines += open;
    // Paper space (layouts, title blocks) is not what gets cut or printed.
    if (paperSpace) return;
    this.model.addBounds(bounds);
    this.modelInserts.push(...inserts);
  }

  line(x1: number, y1: number, x2: number, y2: number): void {
    this.current.bounds.add(x1, y1);
    this.current.bounds.add(x2, y2);
  }

  arc(cx: number, cy: number, radius: number, start: number, end: number): void {
    this.current.bounds.addArc(cx, cy, radius, start, end);
  }

  ellipse(cx: number, cy: number, majorX: number, majorY: number, ratio: number, start: number, end: number): void {
    this.current.bounds.addEllipse(cx, cy, majorX, majorY, ratio, start, end);
  }

  point(x: number, y: number): void {
    this.current.bounds.add(x, y);
  }

  polyline(closed: boolean): void {
    if (closed) this.current.closed++;
    else this.current.open++;
  }

  insert(block: string, x: number, y: number, scaleX: number, scaleY: number, rotation: number): void {
    this.current.inserts.push({ block, x, y, scaleX, scaleY, rotation });
  }

  block(name: string, baseX: number, baseY: number): void {
    this.blocks.set(name, { baseX, baseY, bounds: new Bounds(), inserts: [] });
  }

  layer(name: string): void {
    if (this.layers.size < MAX_LAYERS) this.layers.add(name);
  }

  header(name: string, value: string): void {
    if (name === '$INSUNITS') this.insunits = value;
  }

  /** Blocks that model space references but the file never defines (external references). */
  missingBlocks(): string[] {
    const missing = new Set<string>();
    for (const insert of this.modelInserts) if (!this.blocks.has(insert.block)) missing.add(insert.block);
    return [...missing];
  }

  /** Model space with every INSERT placed, in drawing units. */
  extent(): Bounds {
    const memo = new Map<string, Bounds>();
    const total = new Bounds();
    total.addBounds(this.model);
    for (const insert of this.modelInserts) total.addBounds(this.placed(insert, memo, new Set(), 0));
    return total;
  }

  /** A block's bounds relative to its base point, its own references included. */
  private blockBounds(name: string, memo: Map<string, Bounds>, visiting: Set<string>, depth: number): Bounds {
    const known = memo.get(name);
    if (known) return known;
    const result = new Bounds();
    const block = this.blocks.get(name);
    // A block that (indirectly) inserts itself, or nests past any sane depth, adds nothing more.
    if (!block || visiting.has(name) || depth > MAX_NESTING) return result;
    visiting.add(name);
    const own = new Bounds();
    own.addBounds(block.bounds);
    for (const insert of block.inserts) own.addBounds(this.placed(insert, memo, visiting, depth + 1));
    visiting.delete(name);
    if (!own.empty) {
      result.add(own.minX - block.baseX, own.minY - block.baseY);
      result.add(own.maxX - block.baseX, own.maxY - block.baseY);
    }
    memo.set(name, result);
    return result;
  }

  private placed(insert: Insert, memo: Map<string, Bounds>, visiting: Set<string>, depth: number): Bounds {
    const local = this.blockBounds(insert.block, memo, visiting, depth);
    const out = new Bounds();
    if (local.empty) return out;
    const radians = (insert.rotation * Math.PI) / 180;
    const cos = Math.cos(radians);
    const sin = Math.sin(radians);
    for (const [x, y] of [[local.minX, local.minY], [local.maxX, local.minY], [local.maxX, local.maxY], [local.minX, local.maxY]] as const) {
      const sx = x * insert.scaleX;
      const sy = y * insert.scaleY;
      out.add(insert.x + sx * cos - sy * sin, insert.y + sx * sin + sy * cos);
    }
    return out;
  }
}
