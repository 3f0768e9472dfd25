import { DxfStop, dxfError } from './dxf-findings.ts';
import type { DxfSink } from './dxf-sink.ts';
import { EntityReader, PathState } from './entity-reader.ts';
import { GroupReader } from './group-reader.ts';

const TRUNCATED_FIX = 'The upload was cut off or the file is damaged. Export the drawing again and upload the new file.';

/**
 * Walks an ASCII DXF once, section by section, and tells the sink what it finds. Written
 * by hand instead of with dxf-parser: that library loops forever on a POLYLINE without
 * SEQEND, splits the whole file into a line array (1.3 GB of heap for a 62 MB drawing),
 * and logs to the console for every unknown group; a file from the public needs none of that.
 */
export function walkDxf(text: string, sink: DxfSink): void {
  if (text.startsWith('AutoCAD Binary DXF')) {
    throw new DxfStop(dxfError('dxf.binary', 'The file is a binary DXF, which Pressline does not read.', 'Save the drawing as ASCII DXF (in AutoCAD: Save As → DXF, without the binary option) and upload it again.'));
  }
  const groups = new GroupReader(text);
  let section: string | null = null;
  let sections = 0;
  let ended = false;
  /** The entity whose groups are arriving (a VERTEX or SEQEND feeds its POLYLINE's path). */
  let entity: EntityReader | null = null;
  let polyline: { header: EntityReader; path: PathState } | null = null;
  /** The BLOCK header being read, then the name of the block its entities belong to. */
  let blockHeader: EntityReader | null = null;
  let block: string | null = null;
  let table: string | null = null;
  let headerVariable = '';

  const finishEntity = () => {
    if (blockHeader) {
      block = blockHeader.blockName;
      sink.block(block, blockHeader.values.get(10) ?? 0, blockHeader.values.get(20) ?? 0);
      blockHeader = null;
    }
    if (entity && entity.type !== 'POLYLINE' && entity.type !== 'VERTEX' && entity.type !== 'SEQEND') {
      entity.finish();
      sink.end(entity.layer, entity.paperSpace);
    }
    entity = null;
  };
  const finishPolyline = () => {
    if (!polyline) return;
    const { header, path } = polyline;
    const flags = header.values.get(70) ?? 0;
    path.mirror = (header.values.get(230) ?? 1) < 0 ? -1 : 1;
    // Bits 16 and 64 are polygon and polyface meshes: surfaces, not outlines.
    path.finish((flags & 1) === 1, (flags & (16 | 64)) === 0);
    sink.end(header.layer, header.paperSpace);
    polyline = null;
  };
  const finishAll = () => {
    finishEntity();
    finishPolyline();
    block = null;
  };

  while (groups.next()) {
    if (groups.code === 0) {
      const name = groups.value;
      if (name === 'SECTION') {
        finishAll();
        const named = groups.next();
        // Re-read through a plain number: TypeScript still holds groups.code at 0 from above.
        const code: number = groups.code;
        if (!named || code !== 2) throw new DxfStop(dxfError('dxf.malformed', `The section that starts on line ${groups.line} has no name.`));
        section = groups.value;
        sections++;
        continue;
      }
      if (name === 'ENDSEC' || name === 'EOF') {
        finishAll();
        section = null;
        if (name === 'EOF') {
          ended = true;
          break;
        }
        continue;
      }
      if (section === 'TABLES') {
        table = name === 'TABLE' || name === 'ENDTAB' ? null : name;
        continue;
      }
      if (section !== 'ENTITIES' && section !== 'BLOCKS') continue;
      finishEntity();
      if (polyline && name !== 'VERTEX') finishPolyline();
      if (name === 'BLOCK') {
        blockHeader = new EntityReader(name, sink);
      } else if (name === 'ENDBLK') {
        block = null;
      } else if (name === 'POLYLINE') {
        sink.begin(name, block);
        entity = new EntityReader(name, sink);
        polyline = { header: entity, path: new PathState(sink) };
      } else if (name === 'VERTEX' || name === 'SEQEND') {
        // Outside a POLYLINE these have nothing to add to.
        if (polyline) entity = new EntityReader(name, sink, polyline.path);
      } else {
        sink.begin(name, block);
        entity = new EntityReader(name, sink);
      }
      continue;
    }
    if (section === 'HEADER') {
      if (groups.code === 9) headerVariable = groups.value;
      else if (headerVariable) sink.header(headerVariable, groups.value);
    } else if (section === 'TABLES') {
      if (table === 'LAYER' && groups.code === 2) sink.layer(groups.value);
    } else {
      (blockHeader ?? entity)?.feed(groups);
    }
  }
  if (!ended && section !== null) {
    throw new DxfStop(dxfError('dxf.truncated', `The DXF ends inside its ${section} section (line ${groups.line}); the rest of the drawing is missing.`, TRUNCATED_FIX));
  }
  finishAll();
  if (sections === 0) throw new DxfStop(dxfError('dxf.malformed', 'The file has no DXF sections (HEADER, ENTITIES); it is not a DXF drawing.'));
}
