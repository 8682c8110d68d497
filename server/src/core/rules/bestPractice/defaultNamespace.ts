/**
 * default-namespace (off by default): objects in `default` mix with everything nobody placed;
 * give each application its own namespace.
 *
 *     metadata:
 *       namespace: default       # ← … is placed in the default namespace
 *   after:
 *       namespace: shop
 *
 * Only an explicit `namespace: default` is reported: a manifest without a namespace is usually
 * applied with `kubectl -n` or through Kustomize, which set it.
 */
import { childAt, pairIn } from '../util/nodes';
import { pairRange, podRule, valueAt } from './util';

export const defaultNamespace = podRule({
  id: 'default-namespace',
  defaultSeverity: 'off',
  description: 'Workloads should not be placed in the default namespace.',
  check(ctx) {
    const metadata = childAt(ctx.doc.doc.contents, 'metadata');
    if (valueAt(ctx.doc, metadata, 'namespace') !== 'default') return;
    const range = pairRange(pairIn(metadata, 'namespace')!);
    if (!range) return;
    ctx.report({
      start: range[0],
      end: range[1],
      message: 'The workload is placed in the default namespace: use a namespace of its own.',
      data: { fieldPath: ['metadata', 'namespace'] },
    });
  },
});
