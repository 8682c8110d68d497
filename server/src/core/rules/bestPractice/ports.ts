/**
 * Reading a container's `ports` list, for host-port, ssh-port, privileged-ports and
 * probe-port-not-exposed.
 */
import type { Node, YAMLMap } from 'yaml';
import type { ParsedDocument } from '../../parse/parseFile';
import { child, mapItems } from '../util/nodes';
import { valueAt, type ContainerInfo } from './util';

export interface PortEntry {
  readonly index: number;
  readonly map: YAMLMap<Node, Node | null>;
  readonly containerPort: number | undefined;
  readonly name: string | undefined;
}

export function containerPorts(doc: ParsedDocument, c: ContainerInfo): readonly PortEntry[] {
  return mapItems(child(c.map, 'ports')).map(({ index, map }) => {
    const port = valueAt(doc, map, 'containerPort');
    const name = valueAt(doc, map, 'name');
    return { index, map, containerPort: typeof port === 'number' ? port : undefined, name: typeof name === 'string' ? name : undefined };
  });
}
