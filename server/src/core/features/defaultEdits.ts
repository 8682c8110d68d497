/**
 * Writing defaults into the file: the fields the API server would set in one mapping, or one of
 * them, inserted after the mapping's last key in the document's own indentation (DocEditor), so
 * nothing the user wrote moves. An explicit 0 the server replaces (a probe's periodSeconds) is
 * replaced in place.
 *
 *     livenessProbe:                  livenessProbe:
 *       httpGet: {path: /, port: 80}    httpGet: {path: /, port: 80}
 *                               →       timeoutSeconds: 1
 *                                       periodSeconds: 10
 */
import { isMap, type Node } from 'yaml';
import type { DefaultRecord } from '../defaults/applyDefaults';
import { DocEditor } from '../edit/yamlEdits';
import type { OffsetEdit } from '../edit/textEdits';
import { nodeAtPath, pairOf } from '../parse/navigate';
import type { DocumentSlot } from '../parse/parseFile';
import type { MappingDefaults } from './documentDefaults';

/** Edits (offsets into the file) writing the given records of a mapping; none when it moved. */
export function defaultEdits(slot: DocumentSlot, mapping: MappingDefaults, records: readonly DefaultRecord[]): OffsetEdit[] {
  const map = mapping.path.length ? nodeAtPath(slot.parsed, mapping.path) : slot.parsed.doc.contents;
  if (!isMap(map) || map.range?.[0] !== mapping.start) return [];
  const editor = new DocEditor(slot);
  for (const record of records) {
    const written = pairOf(map, record.field);
    if (written && record.replaced && written.value) editor.replaceScalar(written.value as Node, record.value);
    else if (!written) editor.insertPair(map, record.field, record.value);
  }
  return editor.edits;
}
