/**
 * What the inspectors read from a file: plain numbers and names, no judgement. The
 * rules (rules.ts) compare these facts with a production profile and make findings.
 * Lengths are millimetres, areas mm², volumes mm³, resolutions pixels per inch.
 */

export type FileKind = 'pdf' | 'ai' | 'svg' | 'stl' | 'obj' | '3mf' | 'dxf' | 'png' | 'jpeg' | 'tiff';

export interface SizeMm {
  width: number;
  height: number;
}

export interface BoxMm {
  /** Lower-left corner in mm from the page origin, then the size. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Bleed {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface PlacedImage {
  /** The image's name or a description of where it sits (XObject name, `<image>` id). */
  name: string;
  widthPx: number;
  heightPx: number;
  /** Pixels per inch at the size the image is placed; the lower of x and y. */
  effectivePpi: number;
  colorSpace?: string;
}

export interface PdfPageFacts {
  number: number;
  mediaBoxMm: BoxMm;
  trimBoxMm: BoxMm | null;
  bleedBoxMm: BoxMm | null;
  /** Bleed per side (BleedBox beyond TrimBox, clipped to the MediaBox); null without both boxes. */
  bleedMm: Bleed | null;
  rotate: number;
  images: PlacedImage[];
  colorSpaces: string[];
  transparency: boolean;
}

export interface PdfFontFacts {
  name: string;
  type: string;
  embedded: boolean;
  pages: number[];
}

export interface PdfFacts {
  kind: 'pdf' | 'ai';
  version: string;
  encrypted: boolean;
  pages: number;
  pageSizes: PdfPageFacts[];
  fonts: PdfFontFacts[];
  /** Every colour space used anywhere, e.g. DeviceRGB, DeviceCMYK, Separation:PANTONE 485 C, ICCBased:RGB. */
  colorSpaces: string[];
  transparency: boolean;
}

export interface SvgFacts {
  kind: 'svg';
  /** Null when the SVG gives no physical size (no width/height with units). */
  sizeMm: SizeMm | null;
  viewBox: { x: number; y: number; width: number; height: number } | null;
  /** Units of width/height as written: mm, cm, in, pt, pc, px, or none. */
  units: string;
  /** `<text>` elements: text not converted to outlines. */
  textElements: number;
  openPaths: number;
  closedPaths: number;
  /** Distinct stroke widths in mm (hairline cut lines for lasers are ≤ 0.025 mm). */
  strokeWidthsMm: number[];
  images: PlacedImage[];
  /** Elements the renderer ignores but a browser would run: script, on* handlers, foreignObject. */
  activeContent: number;
}

export interface Vec3 {
  x: number;
  y: number;
  z: number;
}

export interface MeshFacts {
  kind: 'stl' | 'obj' | '3mf';
  /** stl-binary, stl-ascii, obj, 3mf */
  encoding: string;
  /** The unit the file declares (3MF `unit`), or the unit assumed (STL and OBJ carry none: mm). */
  units: string;
  triangles: number;
  boundingBoxMm: { min: Vec3; max: Vec3; size: Vec3 };
  volumeMm3: number;
  surfaceAreaMm2: number;
  watertight: boolean;
  /** Edges used by one triangle only (holes). */
  openEdges: number;
  /** Edges shared by more than two triangles, or twice in the same direction. */
  nonManifoldEdges: number;
  degenerateTriangles: number;
  /** Triangles whose stored normal points against their winding (STL only; 0 elsewhere). */
  invertedNormals: number;
  shells: number;
  /** 3MF build items / OBJ objects; 1 for STL. */
  objects: number;
}

export interface DxfFacts {
  kind: 'dxf';
  /** From $INSUNITS: mm, cm, m, in, ft, unitless. */
  units: string;
  entities: Record<string, number>;
  boundingBoxMm: { minX: number; minY: number; maxX: number; maxY: number; width: number; height: number } | null;
  closedPolylines: number;
  openPolylines: number;
  layers: string[];
}

export interface RasterFacts {
  kind: 'png' | 'jpeg' | 'tiff';
  widthPx: number;
  heightPx: number;
  /** The resolution the file declares, if any. */
  dpi: { x: number; y: number } | null;
  /** rgb, cmyk, gray, indexed, ycck, lab */
  colorMode: string;
  bitDepth: number;
  hasAlpha: boolean;
}

export type FileFacts = PdfFacts | SvgFacts | MeshFacts | DxfFacts | RasterFacts;

export type Severity = 'error' | 'warning' | 'info';

/**
 * One thing preflight has to say. `code` is stable (tests, translations and accepted
 * warnings key on it); `message` names the page or object and the numbers.
 */
export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  /** What to do about it, in the customer's words. */
  fix?: string;
  page?: number;
  object?: string;
}

/**
 * What an inspector returns. A file it cannot read (truncated, lying, hostile,
 * encrypted, over a limit) is `ok: false` with an error finding, never a throw.
 */
export type Inspection =
  | { ok: true; kind: FileKind; facts: FileFacts; findings: Finding[] }
  | { ok: false; kind: FileKind | null; finding: Finding };

/** Caps an inspector honours; the defaults live in limits.ts. */
export interface InspectLimits {
  maxBytes: number;
  maxTriangles: number;
  /** Zip containers (3MF): entries, total uncompressed bytes, and compression ratio. */
  maxZipEntries: number;
  maxUncompressedBytes: number;
  maxCompressionRatio: number;
  maxPdfPages: number;
  maxXmlDepth: number;
  maxXmlElements: number;
}
