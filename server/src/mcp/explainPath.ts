/**
 * `explain` by field path: a small document of the kind that holds the path, so the answer is the
 * very hover an editor shows on that key. List items may be written `containers[0]`,
 * `containers[]` or left out (`containers.image`).
 *
 *   Deployment, spec.template.spec.containers.image  →   apiVersion: apps/v1
 *                                                         kind: Deployment
 *                                                         spec:
 *                                                           template:
 *                                                             spec:
 *                                                               containers:
 *                                                                 - image:      ← hovered
 */
import { parseTypeExpr, resolvePath, rootTypeFor } from '../core/model/model';
import type { WorkloadKind } from '../core/parse/parseFile';
import { AgentInputError } from './agentInputError';

export function explainDocument(kind: WorkloadKind, fieldPath: string): { text: string; position: { line: number; character: number } } {
  const root = rootTypeFor('apps/v1', kind)!;
  const names = fieldPath.trim().replace(/^\./, '').split('.').map((s) => s.replace(/\[\d*\]$/, ''));
  if (names.length === 0 || names.some((n) => n === '')) throw new AgentInputError(`"${fieldPath}" is not a field path (write it as spec.template.spec.containers[0].image).`);
  if (names.length === 1 && (names[0] === 'kind' || names[0] === 'apiVersion')) {
    // The kind card and the apiVersion note are hovers on the value.
    const line = names[0] === 'kind' ? 1 : 0;
    return { text: `apiVersion: apps/v1\nkind: ${kind}\n`, position: { line, character: names[0].length + 2 } };
  }
  const path: (string | number)[] = [];
  for (const name of names) {
    const here = resolvePath(root, path);
    if (here && parseTypeExpr(here.typeExpr).kind === 'array') path.push(0);
    path.push(name);
    if (!resolvePath(root, path)) throw new AgentInputError(`"${name}" is not a field at ${printable(path.slice(0, -1)) || 'the top'} of a ${kind}.`);
  }
  const out = ['apiVersion: apps/v1', `kind: ${kind}`];
  let indent = 0;
  let item = false;
  for (const segment of path) {
    if (typeof segment === 'number') {
      item = true;
      continue;
    }
    out.push(`${' '.repeat(indent)}${item ? '- ' : ''}${segment}:`);
    indent += item ? 4 : 2;
    item = false;
  }
  const last = out[out.length - 1]!;
  return { text: `${out.join('\n')}\n`, position: { line: out.length - 1, character: last.length - 1 - String(path[path.length - 1]).length } };
}

function printable(path: readonly (string | number)[]): string {
  return path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').replace(/^\./, '');
}
