/**
 * The four resource rules share one shape: a container should state a request or a limit for
 * CPU or memory. A limit without a request counts as both, because the API server copies the
 * limit into the missing request.
 */
import type { DocumentRule } from '../ruleTypes';
import type { SeverityOrOff } from '../../settings/settings';
import { containerRule, label, mayRenderFields, reportOnContainer, templatedAt, valueAt } from './util';

export interface ResourceRuleSpec {
  readonly id: string;
  readonly section: 'requests' | 'limits';
  readonly resource: 'cpu' | 'memory';
  readonly defaultSeverity: SeverityOrOff;
  readonly why: string;
}

export function resourceRule(spec: ResourceRuleSpec): DocumentRule {
  const { section, resource } = spec;
  const noun = resource === 'cpu' ? 'CPU' : 'memory';
  return containerRule({
    id: spec.id,
    defaultSeverity: spec.defaultSeverity,
    description: `Containers should set resources.${section}.${resource}.`,
    containers: 'all',
    check(ctx, c) {
      if (templatedAt(ctx.doc, c.map, 'resources') || templatedAt(ctx.doc, c.map, 'resources', section) || mayRenderFields(ctx.doc, c.map)) return;
      if (valueAt(ctx.doc, c.map, 'resources', section, resource) !== undefined) return;
      if (templatedAt(ctx.doc, c.map, 'resources', section, resource)) return;
      if (section === 'requests' && valueAt(ctx.doc, c.map, 'resources', 'limits', resource) !== undefined) return;
      const message = `${label(c)} has no ${noun} ${section === 'requests' ? 'request' : 'limit'}: set resources.${section}.${resource} ${spec.why}.`;
      reportOnContainer(ctx, c, message, { section, resource, resourcesPath: [...c.path, 'resources', section] });
    },
  });
}
