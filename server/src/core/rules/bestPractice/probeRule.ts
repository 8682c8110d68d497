/**
 * The two probe rules share one shape. They look at containers that declare ports only: a
 * container that serves nothing (a queue worker, a log shipper) gets no traffic to hold back and
 * often has no meaningful health check, so asking it for probes would be noise.
 */
import type { DocumentRule } from '../ruleTypes';
import { child } from '../util/nodes';
import { containerRule, label, mayRenderFields, reportOnContainer, templatedAt } from './util';

export function probeRule(id: string, key: 'livenessProbe' | 'readinessProbe', why: string): DocumentRule {
  return containerRule({
    id,
    defaultSeverity: 'info',
    description: `Containers that serve on a port should have a ${key}.`,
    containers: 'regular',
    check(ctx, c) {
      if (child(c.map, key) !== undefined || templatedAt(ctx.doc, c.map, key)) return;
      if (child(c.map, 'ports') === undefined || mayRenderFields(ctx.doc, c.map)) return;
      reportOnContainer(ctx, c, `${label(c)} has no ${key}: add one ${why}.`, { probe: key });
    },
  });
}
