/**
 * pull-policy-always (off by default): with any policy but Always a node reuses whatever image it
 * cached under the tag, and pods skip the registry's authorisation check.
 *
 *     imagePullPolicy: IfNotPresent   # ← … set imagePullPolicy: Always
 *   after:
 *     imagePullPolicy: Always
 */
import { pairIn } from '../util/nodes';
import { imageTag } from './latestTag';
import { containerRule, label, mayRenderFields, pairRange, reportOnContainer, templatedAt, valueAt } from './util';

export const pullPolicyAlways = containerRule({
  id: 'pull-policy-always',
  defaultSeverity: 'off',
  description: 'Containers should set imagePullPolicy: Always.',
  containers: 'all',
  check(ctx, c) {
    const value = valueAt(ctx.doc, c.map, 'imagePullPolicy');
    if (value === 'Always' || templatedAt(ctx.doc, c.map, 'imagePullPolicy') || mayRenderFields(ctx.doc, c.map)) return;
    const pair = pairIn(c.map, 'imagePullPolicy');
    // Without a policy, an untagged or :latest image already defaults to Always.
    const image = valueAt(ctx.doc, c.map, 'image');
    if (!pair && typeof image === 'string' && ['', 'latest'].includes(imageTag(image) ?? '-')) return;
    const range = pair ? pairRange(pair) : undefined;
    const message = `${label(c)} may run a stale cached image: set imagePullPolicy to Always.`;
    reportOnContainer(ctx, c, message, { fieldPath: [...c.path, 'imagePullPolicy'] }, range ? { start: range[0], end: range[1] } : {});
  },
});
