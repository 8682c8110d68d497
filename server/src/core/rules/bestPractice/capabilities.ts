/**
 * Reading securityContext.capabilities: names as the runtime sees them (`CAP_SYS_ADMIN` and
 * `sys_admin` both mean SYS_ADMIN), with the node of each entry for underlining.
 */
import type { Node } from 'yaml';
import type { ParsedDocument } from '../../parse/parseFile';
import { asSeq, childAt, isTemplated, jsonValue } from '../util/nodes';
import type { ContainerInfo } from './util';

export interface CapabilityEntry {
  readonly name: string;
  readonly index: number;
  readonly node: Node;
}

export function normalizeCapability(name: string): string {
  return name.toUpperCase().replace(/^CAP_/, '');
}

/** Entries of `capabilities.add` or `.drop`; undefined when the list is absent or templated. */
export function capabilityList(doc: ParsedDocument, c: ContainerInfo, which: 'add' | 'drop'): CapabilityEntry[] | undefined {
  const node = childAt(c.map, 'securityContext', 'capabilities', which);
  const seq = asSeq(node);
  if (!seq || isTemplated(doc, node)) return undefined;
  const out: CapabilityEntry[] = [];
  seq.items.forEach((item, index) => {
    const v = jsonValue(item);
    if (typeof v === 'string' && !isTemplated(doc, item)) out.push({ name: normalizeCapability(v), index, node: item });
  });
  return out;
}
