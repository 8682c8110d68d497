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
import { apiServerRule } from '../util/defineRule';
import { childAt, isTemplated, jsonValue } from '../util/nodes';

export const statefulsetNameTooLong = apiServerRule({
  id: 'statefulset-name-too-long',
  kinds: ['StatefulSet'],
  description: 'A StatefulSet name must be at most 52 characters.',
  check(ctx) {
    const node = childAt(ctx.doc.doc.contents, 'metadata', 'name');
    const name = jsonValue(node);
    if (!node?.range || typeof name !== 'string' || name.length <= 52 || name.length > 63 || isTemplated(ctx.doc, node)) return;
    ctx.report({
      start: node.range[0],
      end: node.range[1],
      message: `StatefulSet name is ${name.length} characters; at most 52 are allowed: the controller-revision-hash label "<name>-<hash>" would exceed 63 characters and no pod could be created.`,
      data: { path: 'metadata.name', value: name, maxLength: 52 },
    });
  },
});
