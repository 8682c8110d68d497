/**
 * negative-value: counters the API server requires to be ≥ 0.
 *
 *     spec:
 *       replicas: -1        # → spec.replicas must be greater than or equal to 0, got -1.
 *
 * Checked: replicas, minReadySeconds, revisionHistoryLimit (Deployment, DaemonSet; the server
 * does not check a StatefulSet's), progressDeadlineSeconds, a StatefulSet's partition and
 * ordinals.start, and the numbers of every probe.
 */
import type { RuleContext } from '../ruleTypes';
import type { YamlPath } from '../../parse/navigate';
import { apiServerRule, pathToString } from '../util/defineRule';
import { child, childAt, numberAt } from '../util/nodes';
import { podFacts } from '../util/podFacts';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const PROBE_NUMBERS = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const;

export const negativeValue = apiServerRule({
  id: 'negative-value',
  description: 'Counters such as replicas must not be negative.',
  check(ctx) {
    const { spec, containers } = podFacts(ctx.doc);
    check(ctx, spec, SPEC, 'replicas');
    check(ctx, spec, SPEC, 'minReadySeconds');
    if (ctx.kind === 'Deployment' || ctx.kind === 'DaemonSet') check(ctx, spec, SPEC, 'revisionHistoryLimit');
    if (ctx.kind === 'Deployment') check(ctx, spec, SPEC, 'progressDeadlineSeconds');
    if (ctx.kind === 'StatefulSet') {
      check(ctx, childAt(spec, 'updateStrategy', 'rollingUpdate'), ['spec', 'updateStrategy', 'rollingUpdate'], 'partition');
      check(ctx, child(spec, 'ordinals'), ['spec', 'ordinals'], 'start');
    }
    for (const c of containers) {
      for (const probe of PROBES) {
        const node = child(c.map, probe);
        if (node) for (const n of PROBE_NUMBERS) check(ctx, node, [...c.path, probe], n);
      }
    }
  },
});

const SPEC: YamlPath = ['spec'];

/** `key` of the map at `at`; the path is spelled out only for a finding. */
function check(ctx: RuleContext, map: unknown, at: YamlPath, key: string): void {
  const v = numberAt(ctx.doc, map, key);
  if (v === undefined || v >= 0) return;
  const r = child(map, key)?.range;
  if (!r) return;
  const path = pathToString([...at, key]);
  ctx.report({
    start: r[0],
    end: r[1],
    message: `${path} must be greater than or equal to 0, got ${v}.`,
    data: { path, value: v },
  });
}
