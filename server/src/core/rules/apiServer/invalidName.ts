/**
 * invalid-name: metadata.name (and namespace) in the format the API server requires.
 *
 *     metadata:
 *       name: My_App      # → Invalid name "My_App": a lowercase RFC 1123 subdomain must consist of …
 *
 * Most kinds need a DNS subdomain; a StatefulSet, a Service and a Namespace need a DNS label
 * (no dots, at most 63 characters) because its pods' hostnames are `<name>-<ordinal>`.
 */
import { MANIFEST_KINDS } from '../../kinds/manifestKinds';
import { apiServerRule } from '../util/defineRule';
import { child, isTemplated, jsonValue, pairIn } from '../util/nodes';
import { dnsLabelProblem, objectNameProblem } from '../util/names';

export const invalidName = apiServerRule({
  id: 'invalid-name',
  kinds: MANIFEST_KINDS,
  description: 'metadata.name must be a DNS subdomain (a DNS label for a StatefulSet).',
  check(ctx) {
    const metadata = child(ctx.doc.doc.contents, 'metadata');
    const nameNode = child(metadata, 'name');
    const name = jsonValue(nameNode);
    if (!metadata) return;
    if (nameNode && typeof name === 'string' && !isTemplated(ctx.doc, nameNode) && nameNode.range) {
      const problem = objectNameProblem(ctx.kind, name);
      if (problem) ctx.report({ start: nameNode.range[0], end: nameNode.range[1], message: `Invalid name "${name}": ${problem}.`, data: { path: 'metadata.name', value: name } });
    }
    const nsNode = ctx.kind === 'Namespace' ? undefined : child(metadata, 'namespace');
    const ns = jsonValue(nsNode);
    if (nsNode?.range && typeof ns === 'string' && ns !== '' && !isTemplated(ctx.doc, nsNode)) {
      const problem = dnsLabelProblem(ns);
      if (problem) ctx.report({ start: nsNode.range[0], end: nsNode.range[1], message: `Invalid namespace "${ns}": ${problem}.`, data: { path: 'metadata.namespace', value: ns } });
    }
    if (!ctx.doc.template && name === undefined && !pairIn(metadata, 'generateName')) {
      const key = pairIn(ctx.doc.doc.contents, 'metadata')?.key?.range;
      if (key) ctx.report({ start: key[0], end: key[1], message: 'Missing name: metadata.name or metadata.generateName is required.', data: { path: 'metadata', field: 'name' } });
    }
  },
});
