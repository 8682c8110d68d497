/**
 * Every port a pod template mentions: container ports and the ports of probes and lifecycle
 * handlers, gathered once per document.
 */
import type { Node } from 'yaml';
import type { ParsedDocument } from '../../parse/parseFile';
import type { PathSegment } from '../../parse/navigate';
import { child, childAt, mapItems } from './nodes';
import { podFacts, type ContainerFact, type NodeMap } from './podFacts';

export interface ContainerPortFact {
  readonly container: ContainerFact;
  readonly map: NodeMap;
  readonly path: readonly PathSegment[];
}

export interface HandlerPortFact {
  readonly container: ContainerFact;
  /** The `port` value node of an httpGet, tcpSocket or grpc handler. */
  readonly node: Node;
  readonly path: readonly PathSegment[];
  readonly grpc: boolean;
}

export interface PortFacts {
  readonly ports: readonly ContainerPortFact[];
  readonly handlerPorts: readonly HandlerPortFact[];
}

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'];

export function portFacts(doc: ParsedDocument): PortFacts {
  const cached = doc.memo.get('rules:portFacts') as PortFacts | undefined;
  if (cached) return cached;
  const ports: ContainerPortFact[] = [];
  const handlerPorts: HandlerPortFact[] = [];
  for (const container of podFacts(doc).containers) {
    for (const { index, map } of mapItems(child(container.map, 'ports'))) {
      ports.push({ container, map, path: [...container.path, 'ports', index] });
    }
    const handlers: [PathSegment[], unknown][] = PROBES.map((p) => [[p], child(container.map, p)]);
    for (const hook of ['postStart', 'preStop']) handlers.push([['lifecycle', hook], childAt(container.map, 'lifecycle', hook)]);
    for (const [sub, handler] of handlers) {
      for (const kind of ['httpGet', 'tcpSocket', 'grpc']) {
        const node = childAt(handler, kind, 'port');
        if (node) handlerPorts.push({ container, node, path: [...container.path, ...sub, kind, 'port'], grpc: kind === 'grpc' });
      }
    }
  }
  const facts = { ports, handlerPorts };
  doc.memo.set('rules:portFacts', facts);
  return facts;
}
