/**
 * hpa-spec: a HorizontalPodAutoscaler's spec (pkg/apis/autoscaling/validation, autoscaling/v2
 * and v1).
 *
 *     spec:
 *       minReplicas: 11
 *       maxReplicas: 10          # → maxReplicas must be at least minReplicas (11).
 *       metrics:
 *         - type: resource       # → Unsupported metric type "resource": …
 *
 * Replica bounds (min ≥ 1, max ≥ 1 and ≥ min); scaleTargetRef with kind and a name that is a
 * path segment; each metric's type names a source that is present, with a target of a type
 * that source takes and the value that type needs; scaling behavior: stabilization window
 * 0–3600 s, selectPolicy Max, Min or Disabled, at least one policy, each of type Pods or
 * Percent with a value above 0 and a period of 1–1800 s.
 */
import type { RuleContext } from '../ruleTypes';
import type { YamlPath } from '../../parse/navigate';
import { apiServerRule, pathToString, reportAt } from '../util/defineRule';
import { child, isTemplated, jsonValue, mapItems, numberAt, pairIn, stringAt } from '../util/nodes';
import { checkBounds } from './nonNegative';
import { checkBehavior } from './hpaBehavior';

/** The metric source field each metric type reads. */
const SOURCES: Readonly<Record<string, string>> = {
  Resource: 'resource', Pods: 'pods', Object: 'object', External: 'external', ContainerResource: 'containerResource',
};
/** Target types each source takes (validateMetricTarget and the per-source checks). */
const TARGETS: Readonly<Record<string, readonly string[]>> = {
  Resource: ['Utilization', 'AverageValue'], ContainerResource: ['Utilization', 'AverageValue'],
  Pods: ['AverageValue'], Object: ['Value', 'AverageValue'], External: ['Value', 'AverageValue'],
};
const TARGET_FIELD: Readonly<Record<string, string>> = { Utilization: 'averageUtilization', Value: 'value', AverageValue: 'averageValue' };

export const hpaSpec = apiServerRule({
  id: 'hpa-spec',
  kinds: ['HorizontalPodAutoscaler'],
  description: 'HPA replica bounds, scale target, metrics and scaling behavior as the API server validates them.',
  check(ctx) {
    const spec = child(ctx.doc.doc.contents, 'spec');
    if (!spec || isTemplated(ctx.doc, spec)) return;
    checkBounds(ctx, spec, ['spec'], 'minReplicas', 1);
    checkBounds(ctx, spec, ['spec'], 'maxReplicas', 1);
    const min = numberAt(ctx.doc, spec, 'minReplicas') ?? 1;
    const maxNode = child(spec, 'maxReplicas');
    const max = numberAt(ctx.doc, spec, 'maxReplicas');
    if (max !== undefined && max >= 1 && max < min) {
      reportAt(ctx, maxNode, `maxReplicas (${max}) must be at least minReplicas (${min}).`, { data: { path: 'spec.maxReplicas', value: max } });
    }
    checkTarget(ctx, pairIn(spec, 'scaleTargetRef'));
    if (ctx.apiVersion === 'autoscaling/v1') {
      checkBounds(ctx, spec, ['spec'], 'targetCPUUtilizationPercentage', 1);
      return;
    }
    for (const { index, map } of mapItems(child(spec, 'metrics'))) checkMetric(ctx, map, ['spec', 'metrics', index]);
    checkBehavior(ctx, child(spec, 'behavior'));
  },
});

function checkTarget(ctx: RuleContext, pair: ReturnType<typeof pairIn>): void {
  const ref = pair?.value;
  if (!ref || jsonValue(ref) !== undefined || isTemplated(ctx.doc, ref)) return;
  for (const field of ['kind', 'name']) {
    const node = child(ref, field);
    const v = jsonValue(node);
    if (node === undefined || v === '' || v === null) {
      reportAt(ctx, pairIn(ref, field)?.key ?? pair.key, `scaleTargetRef needs a ${field}: the HPA scales the object it names.`, { data: { path: `spec.scaleTargetRef.${field}`, need: field } });
    } else if (field === 'name' && typeof v === 'string' && !isTemplated(ctx.doc, node)) {
      const problem = v === '.' || v === '..' ? `may not be '${v}'` : /[/%]/.test(v) ? `may not contain '${v.includes('/') ? '/' : '%'}'` : undefined;
      if (problem) reportAt(ctx, node, `Invalid scaleTargetRef name "${v}": ${problem}.`, { data: { path: 'spec.scaleTargetRef.name', value: v } });
    }
  }
}

function checkMetric(ctx: RuleContext, metric: unknown, path: YamlPath): void {
  if (isTemplated(ctx.doc, metric)) return;
  const typeNode = child(metric, 'type');
  const type = jsonValue(typeNode);
  if (typeof type !== 'string') return; // a missing type is missing-required
  const source = Object.prototype.hasOwnProperty.call(SOURCES, type) ? SOURCES[type] : undefined;
  if (!source) {
    reportAt(ctx, typeNode, `Unsupported metric type "${type}": supported values are "ContainerResource", "External", "Object", "Pods" and "Resource".`, { data: { path: pathToString([...path, 'type']), value: type } });
    return;
  }
  const sourceNode = child(metric, source);
  if (!sourceNode) {
    reportAt(ctx, typeNode, `A metric of type ${type} needs its "${source}" section.`, { data: { path: pathToString([...path, source]), need: source } });
    return;
  }
  if ((type === 'Object' || type === 'External' || type === 'Pods') && !child(sourceNode, 'metric')) {
    reportAt(ctx, pairIn(metric, source)?.key, `A ${type} metric needs metric.name, the metric it reads.`, { data: { path: pathToString([...path, source, 'metric']), need: 'metric' } });
  }
  if (type === 'Object' && !child(sourceNode, 'describedObject')) {
    reportAt(ctx, pairIn(metric, source)?.key, 'An Object metric needs describedObject, the object the metric describes.', { data: { path: pathToString([...path, source, 'describedObject']), need: 'describedObject' } });
  }
  const targetPair = pairIn(sourceNode, 'target');
  const target = targetPair?.value;
  const targetType = stringAt(ctx.doc, target, 'type');
  if (!target || targetType === undefined) return;
  const at = [...path, source, 'target'];
  if (!Object.prototype.hasOwnProperty.call(TARGET_FIELD, targetType)) {
    reportAt(ctx, child(target, 'type'), `Invalid target type "${targetType}": must be Utilization, Value or AverageValue.`, { data: { path: pathToString([...at, 'type']), value: targetType } });
    return;
  }
  if (!TARGETS[type]!.includes(targetType)) {
    reportAt(ctx, child(target, 'type'), `A ${type} metric takes a target of type ${TARGETS[type]!.join(' or ')}, not ${targetType}.`, { data: { path: pathToString([...at, 'type']), value: targetType } });
    return;
  }
  const field = TARGET_FIELD[targetType]!;
  const valueNode = child(target, field);
  if (valueNode === undefined) {
    reportAt(ctx, child(target, 'type'), `A target of type ${targetType} needs ${field}.`, { data: { path: pathToString([...at, field]), need: field } });
  } else if (field === 'averageUtilization') {
    checkBounds(ctx, target, at, field, 1);
  }
}

