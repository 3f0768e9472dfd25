/** An axis-aligned box that grows; empty until the first point. */
export class Bounds {
  minX = Infinity;
  minY = Infinity;
  maxX = -Infinity;
  maxY = -Infinity;

  reset(): void {
    this.minX = Infinity;
    this.minY = Infinity;
    this.maxX = -Infinity;
    this.maxY = -Infinity;
  }

  get empty(): boolean {
    return this.minX > this.maxX;
  }

  add(x: number, y: number): void {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    if (x < this.minX) this.minX = x;
    if (x > this.maxX) this.maxX = x;
    if (y < this.minY) this.minY = y;
    if (y > this.maxY) this.maxY = y;
  }

  addBounds(other: Bounds): void {
    if (other.empty) return;
    this.add(other.minX, other.minY);
    this.add(other.maxX, other.maxY);
  }

  /** A counter-clockwise arc: its end points plus every axis crossing inside the sweep. */
  addArc(cx: number, cy: number, r: number, startDeg: number, endDeg: number): void {
    const start = normalize(startDeg);
    let sweep = normalize(endDeg) - start;
    if (sweep <= 0) sweep += 360;
    if (Math.abs(endDeg - startDeg) >= 360) sweep = 360;
    const at = (deg: number) => this.add(cx + r * Math.cos((deg * Math.PI) / 180), cy + r * Math.sin((deg * Math.PI) / 180));
    at(start);
    at(start + sweep);
    for (let axis = 0; axis < 720; axis += 90) if (axis > start && axis < start + sweep) at(axis);
  }

  /** An elliptical arc: x(t) and y(t) peak where their derivatives vanish. */
  addEllipse(cx: number, cy: number, mx: number, my: number, ratio: number, t0: number, t1: number): void {
    // Minor axis: the major axis turned a quarter counter-clockwise, scaled by the ratio.
    const nx = -my * ratio;
    const ny = mx * ratio;
    const at = (t: number) => this.add(cx + mx * Math.cos(t) + nx * Math.sin(t), cy + my * Math.cos(t) + ny * Math.sin(t));
    const tau = Math.PI * 2;
    const start = ((t0 % tau) + tau) % tau;
    let sweep = (((t1 % tau) + tau) % tau) - start;
    if (sweep <= 0) sweep += tau;
    if (Math.abs(t1 - t0) >= tau - 1e-9) sweep = tau;
    at(start);
    at(start + sweep);
    for (const base of [Math.atan2(nx, mx), Math.atan2(ny, my)]) {
      for (let k = -2; k <= 4; k++) {
        const t = base + (k * Math.PI);
        if (t > start && t < start + sweep) at(t);
      }
    }
  }
}

function normalize(deg: number): number {
  return ((deg % 360) + 360) % 360;
}
