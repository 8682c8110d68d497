/**
 * statefulset-name-too-long: a StatefulSet name longer than 52 characters.
 *
 *     kind: StatefulSet
 *     metadata:
 *       name: a-very-long-name-…-over-52-characters   # → … its pods cannot be created
 *
 * The API server accepts it, but the controller labels each pod with
 * `controller-revision-hash=<name>-<10-character hash>`, which then exceeds the 63-character
 * label limit, and every pod creation fails (kubernetes/kubernetes#64023).
 */
import type { DocumentRule } from '../ruleTypes';
import { apiServerRule } from '../util/defineRule';
import { childAt, isTemplated, jsonValue } from '../util/nodes';

const rule = apiServerRule({
  id: 'statefulset-name-too-long',
  kinds: ['StatefulSet'],
  description: 'A StatefulSet name over 52 characters: accepted, but its pods cannot be created.',
  check(ctx) {
    const node = childAt(ctx.doc.doc.contents, 'metadata', 'name');
    const name = jsonValue(node);
    if (!node?.range || typeof name !== 'string' || name.length <= 52 || name.length > 63 || isTemplated(ctx.doc, node)) return;
    ctx.report({
      start: node.range[0],
      end: node.range[1],
      message: `StatefulSet name is ${name.length} characters: the API server accepts it, but no pod can be created, because the controller-revision-hash label "<name>-<hash>" would exceed 63 characters. Use at most 52.`,
      data: { path: 'metadata.name', value: name, maxLength: 52 },
    });
  },
});

/** The API server accepts the object: a warning that says why no pod can start, not an error. */
export const statefulsetNameTooLong: DocumentRule = { ...rule, defaultSeverity: 'warning' };
