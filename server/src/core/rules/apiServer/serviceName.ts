/**
 * service-name: a StatefulSet's serviceName is a DNS label; without one its pods get no stable
 * DNS names.
 *
 *     spec:
 *       serviceName: My_Service   # → Invalid serviceName "My_Service": a lowercase RFC 1123 label …
 *
 * Kubernetes 1.33+ validates the format on create; earlier versions accepted it and pods then
 * failed on `spec.subdomain`, so it is an error for every version. An empty or absent serviceName
 * is a warning (on 1.30–1.32 an absent one is reported by missing-required instead).
 */
import { apiServerRule } from '../util/defineRule';
import { child, isTemplated, jsonValue, pairIn } from '../util/nodes';
import { podFacts } from '../util/podFacts';
import { dnsLabelProblem } from '../util/names';

export const serviceName = apiServerRule({
  id: 'service-name',
  kinds: ['StatefulSet'],
  description: "A StatefulSet's serviceName must be a DNS label naming its headless Service.",
  check(ctx) {
    const { spec } = podFacts(ctx.doc);
    const node = child(spec, 'serviceName');
    const v = node ? jsonValue(node) : undefined;
    if (node && isTemplated(ctx.doc, node)) return;
    if (typeof v === 'string' && v !== '') {
      const problem = dnsLabelProblem(v);
      if (problem && node?.range) ctx.report({ start: node.range[0], end: node.range[1], message: `Invalid serviceName "${v}": ${problem}.`, data: { path: 'spec.serviceName', value: v } });
      return;
    }
    if (!spec || ctx.doc.template) return;
    const absent = v === undefined || v === null;
    if (absent && Number(ctx.settings.kubernetesVersion.split('.')[1]) < 33) return;
    const r = (pairIn(spec, 'serviceName')?.key ?? pairIn(ctx.doc.doc.contents, 'spec')?.key)?.range;
    if (!r) return;
    ctx.report({
      start: r[0],
      end: r[1],
      severity: 'warning',
      message: 'This StatefulSet has no serviceName: its pods get no stable DNS names. Name a headless Service (clusterIP: None) that selects them.',
      data: { path: 'spec.serviceName' },
    });
  },
});
