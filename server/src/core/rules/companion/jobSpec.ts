/**
 * job-spec: a Job's spec (and a CronJob's job template) as the API server validates it
 * (pkg/apis/batch/validation, Kubernetes 1.36).
 *
 *     spec:
 *       completionMode: Indexed     # → completions is required when completionMode is Indexed.
 *       template:
 *         spec:
 *           containers: […]         # → A Job's pod template needs restartPolicy OnFailure or Never …
 *
 * The pod template's restartPolicy must be OnFailure or Never (it defaults to Always, which a Job
 * cannot use), and Never when a podFailurePolicy is set; counts and durations are not negative;
 * Indexed completion needs completions; maxFailedIndexes needs backoffLimitPerIndex; a
 * successPolicy needs Indexed completion; onExitCodes In may not list 0; a selector is generated
 * unless manualSelector is true (never in a CronJob's template); managedBy is a domain-prefixed path.
 */
import type { Node } from 'yaml';
import type { RuleContext } from '../ruleTypes';
import type { YamlPath } from '../../parse/navigate';
import { apiServerRule, pathToString, reportAt } from '../util/defineRule';
import { asMap, asSeq, child, childAt, isTemplated, jsonValue, mapItems, pairIn, stringAt } from '../util/nodes';
import { dnsSubdomainProblem } from '../util/names';
import { checkBounds } from './nonNegative';

export const jobSpec = apiServerRule({
  id: 'job-spec',
  kinds: ['Job', 'CronJob'],
  description: "A Job's restartPolicy, counts, completion mode, failure and success policies, selector and managedBy.",
  check(ctx) {
    const cron = ctx.kind === 'CronJob';
    const base: YamlPath = cron ? ['spec', 'jobTemplate', 'spec'] : ['spec'];
    const spec = asMap(childAt(ctx.doc.doc.contents, ...(base as string[])));
    if (!spec || isTemplated(ctx.doc, spec)) return;
    for (const field of ['parallelism', 'completions', 'backoffLimit', 'ttlSecondsAfterFinished', 'activeDeadlineSeconds', 'backoffLimitPerIndex', 'maxFailedIndexes']) {
      checkBounds(ctx, spec, base, field, 0);
    }
    const at = (field: string) => pathToString([...base, field]);
    const mode = stringAt(ctx.doc, spec, 'completionMode') ?? 'NonIndexed';
    if (mode === 'Indexed' && child(spec, 'completions') === undefined) {
      reportAt(ctx, pairIn(spec, 'completionMode')?.value, 'completions is required when completionMode is Indexed: each index from 0 to completions-1 gets a pod.', { data: { path: at('completions'), need: 'completions' } });
    }
    if (child(spec, 'maxFailedIndexes') !== undefined && child(spec, 'backoffLimitPerIndex') === undefined) {
      reportAt(ctx, pairIn(spec, 'maxFailedIndexes')?.key, 'maxFailedIndexes needs backoffLimitPerIndex: it counts indexes that used up their per-index backoff limit.', { data: { path: at('backoffLimitPerIndex'), need: 'backoffLimitPerIndex' } });
    }
    if (child(spec, 'successPolicy') !== undefined && mode !== 'Indexed') {
      reportAt(ctx, pairIn(spec, 'successPolicy')?.key, 'successPolicy requires completionMode: Indexed.', { data: { path: at('successPolicy') } });
    }
    checkRestartPolicy(ctx, spec, base);
    checkExitCodes(ctx, child(spec, 'podFailurePolicy'), [...base, 'podFailurePolicy']);
    checkSelector(ctx, spec, base, cron);
    checkManagedBy(ctx, child(spec, 'managedBy'), at('managedBy'));
  },
});

function checkRestartPolicy(ctx: RuleContext, spec: unknown, base: YamlPath): void {
  const templateSpec = childAt(spec, 'template', 'spec');
  if (!asMap(templateSpec) || isTemplated(ctx.doc, templateSpec)) return;
  const path = pathToString([...base, 'template', 'spec', 'restartPolicy']);
  const node = child(templateSpec, 'restartPolicy');
  const policy = jsonValue(node);
  const failurePolicy = child(spec, 'podFailurePolicy') !== undefined;
  if (node !== undefined && isTemplated(ctx.doc, node)) return;
  if (typeof policy !== 'string' || policy === '' || policy === 'Always') {
    const anchor = node ?? pairIn(childAt(spec, 'template'), 'spec')?.key;
    reportAt(ctx, anchor, `A Job's pod template needs restartPolicy OnFailure or Never${typeof policy === 'string' && policy !== '' ? '' : ' (it defaults to Always)'}: a Job's pods must be able to finish.`, {
      data: { path, value: policy ?? null, need: failurePolicy ? 'Never' : 'OnFailure or Never' },
    });
  } else if (failurePolicy && policy === 'OnFailure') {
    reportAt(ctx, node, 'restartPolicy must be Never when a podFailurePolicy is set: the policy judges failed pods, which OnFailure restarts in place.', { data: { path, value: policy, need: 'Never' } });
  }
}

function checkExitCodes(ctx: RuleContext, policy: unknown, path: YamlPath): void {
  for (const { index, map } of mapItems(child(policy, 'rules'))) {
    const codes = child(map, 'onExitCodes');
    if (stringAt(ctx.doc, codes, 'operator') !== 'In') continue;
    asSeq(child(codes, 'values'))?.items.forEach((item, i) => {
      if (jsonValue(item) === 0 && !isTemplated(ctx.doc, item)) {
        reportAt(ctx, item as Node, 'Exit code 0 may not be listed with the In operator: it means success, not a failure the policy could act on.', {
          data: { path: pathToString([...path, 'rules', index, 'onExitCodes', 'values', i]), value: 0 },
        });
      }
    });
  }
}

function checkSelector(ctx: RuleContext, spec: unknown, base: YamlPath, cron: boolean): void {
  const manualPair = pairIn(spec, 'manualSelector');
  const manual = jsonValue(manualPair?.value) === true;
  if (cron && manual) {
    reportAt(ctx, manualPair?.value, "manualSelector is not supported in a CronJob's job template: the CronJob's Jobs always get a generated selector.", { data: { path: pathToString([...base, 'manualSelector']), value: true } });
    return;
  }
  const selectorPair = pairIn(spec, 'selector');
  if (selectorPair?.value && jsonValue(selectorPair.value) !== null && !manual && !isTemplated(ctx.doc, selectorPair.value)) {
    reportAt(ctx, selectorPair.key, '`selector` will be generated by the API server: remove it, or set manualSelector: true to choose it yourself.', { data: { path: pathToString([...base, 'selector']) } });
  }
}

/** A domain-prefixed path such as "kueue.x-k8s.io/multikueue", at most 63 characters. */
function checkManagedBy(ctx: RuleContext, node: Node | undefined, path: string): void {
  const v = jsonValue(node);
  if (typeof v !== 'string' || isTemplated(ctx.doc, node)) return;
  const slash = v.indexOf('/');
  const domain = slash > 0 ? v.slice(0, slash) : '';
  const rest = slash > 0 ? v.slice(slash + 1) : '';
  const ok = v.length <= 63 && domain !== '' && !dnsSubdomainProblem(domain) && /^[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/.test(rest);
  if (!ok) reportAt(ctx, node, `Invalid managedBy "${v}": must be a domain-prefixed path such as "acme.io/foo", at most 63 characters.`, { data: { path, value: v } });
}
