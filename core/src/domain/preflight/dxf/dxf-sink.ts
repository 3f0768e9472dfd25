/**
 * What the DXF walker emits: geometry in drawing units, already out of the entity's
 * object coordinate system. The inspector bounds it; the thumbnail draws it.
 */
export interface DxfSink {
  /** An entity starts (in ENTITIES, or inside `block` when not null); its geometry follows. */
  begin(type: string, block: string | null): void;
  /** The entity ended; its layer and space are known only now (their groups may come late). */
  end(layer: string, paperSpace: boolean): void;
  line(x1: number, y1: number, x2: number, y2: number): void;
  /** Counter-clockwise from `start` to `end`, in degrees. */
  arc(cx: number, cy: number, radius: number, start: number, end: number): void;
  /** Major axis end point relative to the centre, minor/major ratio, parameters in radians. */
  ellipse(cx: number, cy: number, majorX: number, majorY: number, ratio: number, start: number, end: number): void;
  /** A location that belongs to the drawing's extent but draws no line (POINT, text insertion). */
  point(x: number, y: number): void;
  /** A 2D polyline ended: closed by its flag or by ending where it began. */
  polyline(closed: boolean): void;
  insert(block: string, x: number, y: number, scaleX: number, scaleY: number, rotation: number): void;
  /** A BLOCK definition with its base point; its entities follow until the next block. */
  block(name: string, baseX: number, baseY: number): void;
  layer(name: string): void;
  header(name: string, value: string): void;
}
