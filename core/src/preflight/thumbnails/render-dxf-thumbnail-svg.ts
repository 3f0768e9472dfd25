import { DxfFactsSink, type DxfSink } from '../../domain/preflight/dxf/index.ts';

interface Insert {
  block: string;
  transform: string;
  /** √|sx·sy|: how much the reference scales its block's strokes. */
  scale: number;
  /** Set when costing finds this reference closes a cycle; it is left out of the drawing. */
  cyclic?: boolean;
}

interface Block {
  id: string;
  path: string;
  segments: number;
  inserts: Insert[];
}

/** Segments drawn at most, block references expanded: past this a thumbnail shows nothing more. */
const MAX_SEGMENTS = 200_000;
/** Block references followed inside blocks; deeper chains are cut (the extent has the same cap). */
const MAX_NESTING = 32;

const n = (value: number) => Number(value.toPrecision(8));

/**
 * Turns the walker's geometry into SVG path data: model space only, blocks as `<defs>`
 * drawn by `<use>`. A block that inserts itself is cut at the cycle, and references are
 * expanded only while the segment budget lasts, so a block bomb cannot stall the renderer.
 */
export class DxfSvgSink implements DxfSink {
  readonly facts = new DxfFactsSink();
  private readonly model: { path: string[]; inserts: Insert[] } = { path: [], inserts: [] };
  private readonly blocks = new Map<string, Block>();
  private readonly baseOf = new Map<string, [number, number]>();
  private blockIds = 0;
  private segments = 0;
  private current = { block: null as string | null, path: '', segments: 0, inserts: [] as Insert[] };

  begin(type: string, block: string | null): void {
    this.facts.begin(type, block);
    this.current = { block, path: '', segments: 0, inserts: [] };
  }

  end(layer: string, paperSpace: boolean): void {
    this.facts.end(layer, paperSpace);
    const { block, path, segments, inserts } = this.current;
    if (block !== null) {
      const target = this.blocks.get(block);
      if (!target) return;
      target.path += path;
      target.segments += segments;
      target.inserts.push(...inserts);
    } else if (!paperSpace) {
      this.model.path.push(path);
      this.model.inserts.push(...inserts);
    }
  }

  line(x1: number, y1: number, x2: number, y2: number): void {
    this.facts.line(x1, y1, x2, y2);
    this.draw(`M${n(x1)} ${n(y1)}L${n(x2)} ${n(y2)}`);
  }

  arc(cx: number, cy: number, r: number, start: number, end: number): void {
    this.facts.arc(cx, cy, r, start, end);
    let sweep = (((end - start) % 360) + 360) % 360;
    if (sweep === 0 || Math.abs(end - start) >= 360) sweep = 360;
    const at = (deg: number) => `${n(cx + r * Math.cos((deg * Math.PI) / 180))} ${n(cy + r * Math.sin((deg * Math.PI) / 180))}`;
    // A full circle is two half arcs: an arc that ends where it starts draws nothing.
    if (sweep === 360) this.draw(`M${at(start)}A${n(r)} ${n(r)} 0 0 1 ${at(start + 180)}A${n(r)} ${n(r)} 0 0 1 ${at(start)}`);
    else this.draw(`M${at(start)}A${n(r)} ${n(r)} 0 ${sweep > 180 ? 1 : 0} 1 ${at(start + sweep)}`);
  }

  ellipse(cx: number, cy: number, mx: number, my: number, ratio: number, t0: number, t1: number): void {
    this.facts.ellipse(cx, cy, mx, my, ratio, t0, t1);
    const rx = Math.hypot(mx, my);
    const ry = rx * ratio;
    const rotation = n((Math.atan2(my, mx) * 180) / Math.PI);
    const at = (t: number) => `${n(cx + mx * Math.cos(t) - my * ratio * Math.sin(t))} ${n(cy + my * Math.cos(t) + mx * ratio * Math.sin(t))}`;
    const tau = Math.PI * 2;
    let sweep = (((t1 - t0) % tau) + tau) % tau;
    if (sweep === 0 || Math.abs(t1 - t0) >= tau - 1e-9) sweep = tau;
    if (sweep >= tau - 1e-9) this.draw(`M${at(t0)}A${n(rx)} ${n(ry)} ${rotation} 0 1 ${at(t0 + Math.PI)}A${n(rx)} ${n(ry)} ${rotation} 0 1 ${at(t0)}`);
    else this.draw(`M${at(t0)}A${n(rx)} ${n(ry)} ${rotation} ${sweep > Math.PI ? 1 : 0} 1 ${at(t0 + sweep)}`);
  }

  point(x: number, y: number): void {
    this.facts.point(x, y);
  }

  polyline(closed: boolean): void {
    this.facts.polyline(closed);
  }

  insert(block: string, x: number, y: number, scaleX: number, scaleY: number, rotation: number): void {
    this.facts.insert(block, x, y, scaleX, scaleY, rotation);
    // The block may be defined later in the file; toSvg drops references to blocks that never are.
    this.current.inserts.push({ block, transform: `translate(${n(x)} ${n(y)}) rotate(${n(rotation)}) scale(${n(scaleX)} ${n(scaleY)})`, scale: Math.sqrt(Math.abs(scaleX * scaleY)) });
  }

  block(name: string, baseX: number, baseY: number): void {
    this.facts.block(name, baseX, baseY);
    // Ids from a counter: a block name defined twice replaces the first, which must not free its id.
    this.blocks.set(name, { id: `b${this.blockIds++}`, path: '', segments: 0, inserts: [] });
    // Entities inside the block are drawn relative to its base point.
    this.baseOf.set(name, [baseX, baseY]);
  }

  layer(name: string): void {
    this.facts.layer(name);
  }

  header(name: string, value: string): void {
    this.facts.header(name, value);
  }

  /** The finished SVG, or null when nothing in model space has an extent. */
  toSvg(size: number): string | null {
    const extent = this.facts.extent();
    if (extent.empty) return null;
    const width = extent.maxX - extent.minX;
    const height = extent.maxY - extent.minY;
    const pad = Math.max(width, height) * 0.02 || 1;
    const stroke = n(((Math.max(width, height) + 2 * pad) / size) * 1.2);
    const cost = this.costs();
    let budget = MAX_SEGMENTS - this.segments;
    const used = new Set<string>();
    const uses: string[] = [];
    for (const insert of this.model.inserts) {
      const c = cost.get(insert.block) ?? Infinity;
      if (c > budget) continue;
      budget -= c;
      this.markUsed(insert.block, used, cost);
      // resvg ignores vector-effect, so the line width is divided by the reference's scale here
      // (references nested inside blocks keep their parent's width, scaled).
      const width = insert.scale > 0 ? n(stroke / insert.scale) : stroke;
      uses.push(`<use href="#${this.blocks.get(insert.block)!.id}" transform="${insert.transform}" stroke-width="${width}"/>`);
    }
    const defs = [...used].map((name) => {
      const block = this.blocks.get(name)!;
      const [bx, by] = this.baseOf.get(name) ?? [0, 0];
      const nested = block.inserts.filter((i) => !i.cyclic && Number.isFinite(cost.get(i.block) ?? Infinity)).map((i) => `<use href="#${this.blocks.get(i.block)!.id}" transform="${i.transform}"/>`);
      return `<g id="${block.id}"><g transform="translate(${n(-bx)} ${n(-by)})"><path d="${block.path}"/>${nested.join('')}</g></g>`;
    });
    const viewBox = `${n(extent.minX - pad)} ${n(-extent.maxY - pad)} ${n(width + 2 * pad)} ${n(height + 2 * pad)}`;
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}" width="${n(width + 2 * pad)}" height="${n(height + 2 * pad)}">` +
      `<defs>${defs.join('')}</defs>` +
      `<g transform="scale(1 -1)" fill="none" stroke="#1a1a1a" stroke-width="${stroke}" stroke-linecap="round" stroke-linejoin="round">` +
      `<path d="${this.model.path.join('')}"/>${uses.join('')}</g></svg>`
    );
  }

  private draw(path: string): void {
    if (this.segments >= MAX_SEGMENTS) return;
    this.segments++;
    this.current.path += path;
    this.current.segments++;
  }

  /** Segments each block draws with its references expanded, cycles cut where the walk closes them. */
  private costs(): Map<string, number> {
    const cost = new Map<string, number>();
    const visiting = new Set<string>();
    const visit = (name: string, depth: number): number => {
      const known = cost.get(name);
      if (known !== undefined) return known;
      const block = this.blocks.get(name);
      // Past MAX_NESTING the chain is cut like a cycle: a hostile file may chain 100 000 blocks.
      if (!block || visiting.has(name) || depth > MAX_NESTING) return Infinity;
      visiting.add(name);
      let total = block.segments;
      for (const insert of block.inserts) {
        if (visiting.has(insert.block) || depth === MAX_NESTING) insert.cyclic = true;
        const child = visit(insert.block, depth + 1);
        if (Number.isFinite(child)) total += child;
      }
      visiting.delete(name);
      cost.set(name, total);
      return total;
    };
    for (const name of this.blocks.keys()) visit(name, 0);
    return cost;
  }

  private markUsed(name: string, used: Set<string>, cost: Map<string, number>): void {
    if (used.has(name) || !Number.isFinite(cost.get(name) ?? Infinity)) return;
    used.add(name);
    for (const insert of this.blocks.get(name)?.inserts ?? []) if (!insert.cyclic) this.markUsed(insert.block, used, cost);
  }
}
