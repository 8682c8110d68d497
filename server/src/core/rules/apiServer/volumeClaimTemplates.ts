/**
 * volume-claim-templates: each StatefulSet claim template must be a valid PersistentVolumeClaim
 * and a unique pod volume name.
 *
 *     volumeClaimTemplates:
 *       - metadata: { name: data }
 *         spec:                                # → A claim template needs at least one access mode …
 *           resources:
 *             requests: { storage: 0 }         # → storage request must be greater than 0, got 0.
 *
 * A template volume with the same name as a claim template is silently replaced by the claim;
 * that one is a warning. Invalid names are volume-name's finding.
 */
import type { Node } from 'yaml';
import type { RuleContext } from '../ruleTypes';
import { apiServerRule, pathToString, reportAt } from '../util/defineRule';
import { asSeq, child, childAt, isTemplated, jsonValue, pairIn } from '../util/nodes';
import { podFacts, type VolumeFact } from '../util/podFacts';
import { parseQuantity } from '../util/quantity';

export const volumeClaimTemplates = apiServerRule({
  id: 'volume-claim-templates',
  description: 'Claim templates need access modes and a storage request, and unique names.',
  kinds: ['StatefulSet'],
  check(ctx) {
    const { claimTemplates, volumes } = podFacts(ctx.doc);
    const volumeNames = new Map<string, Node>();
    for (const v of volumes) {
      const node = child(v.map, 'name');
      const name = jsonValue(node);
      if (node && typeof name === 'string' && !volumeNames.has(name)) volumeNames.set(name, node);
    }
    const seen = new Map<string, Node>();
    for (const t of claimTemplates) {
      if (isTemplated(ctx.doc, t.map)) continue;
      checkSpec(ctx, t);
      checkName(ctx, t, seen, volumeNames);
    }
  },
});

function checkSpec(ctx: RuleContext, t: VolumeFact): void {
  const specPair = pairIn(t.map, 'spec');
  const spec = specPair?.value;
  const base = [...t.path, 'spec'];
  const modesPair = pairIn(spec, 'accessModes');
  const modes = asSeq(modesPair?.value)?.items ?? [];
  if (modes.length === 0 && !isTemplated(ctx.doc, modesPair?.value)) {
    reportAt(ctx, modesPair?.key ?? specPair?.key ?? t.map.items[0]?.key, 'A claim template needs at least one access mode (accessModes: [ReadWriteOnce], for example).', {
      data: { path: pathToString([...base, 'accessModes']), need: 'accessModes' },
    });
  }
  const rwop = modes.find((m) => jsonValue(m) === 'ReadWriteOncePod');
  if (rwop && modes.length > 1) {
    reportAt(ctx, rwop, 'ReadWriteOncePod cannot be combined with other access modes.', { data: { path: pathToString([...base, 'accessModes']), need: 'ReadWriteOncePod alone' } });
  }
  const requests = childAt(spec, 'resources', 'requests');
  if (isTemplated(ctx.doc, requests) || isTemplated(ctx.doc, childAt(spec, 'resources'))) return;
  const storage = child(requests, 'storage');
  const storagePath = pathToString([...base, 'resources', 'requests', 'storage']);
  if (!storage) {
    const anchor = pairIn(requests, 'storage')?.key ?? pairIn(childAt(spec, 'resources'), 'requests')?.key ?? pairIn(spec, 'resources')?.key ?? specPair?.key;
    reportAt(ctx, anchor ?? t.map.items[0]?.key, 'A claim template needs a storage request (resources.requests.storage, e.g. 1Gi).', { data: { path: storagePath, need: 'storage' } });
    return;
  }
  const v = jsonValue(storage);
  const q = typeof v === 'number' || typeof v === 'string' ? parseQuantity(v) : undefined;
  if (q !== undefined && q <= 0 && !isTemplated(ctx.doc, storage)) {
    reportAt(ctx, storage, `storage request must be greater than 0, got ${String(v)}.`, { data: { path: storagePath, value: v } });
  }
}

function checkName(ctx: RuleContext, t: VolumeFact, seen: Map<string, Node>, volumeNames: Map<string, Node>): void {
  const node = childAt(t.map, 'metadata', 'name');
  const name = jsonValue(node);
  if (!node || typeof name !== 'string' || name === '' || isTemplated(ctx.doc, node)) return;
  const path = pathToString([...t.path, 'metadata', 'name']);
  const first = seen.get(name);
  if (first) {
    reportAt(ctx, node, `Duplicate claim template name "${name}": each claim template becomes a pod volume, so names must be unique.`, { data: { path, value: name }, related: relatedAt(first, `"${name}" is first used here.`) });
    return;
  }
  seen.set(name, node);
  const volume = volumeNames.get(name);
  if (!volume) return;
  reportAt(ctx, volume, `The template volume "${name}" is replaced by the claim template of the same name; rename one of them.`, {
    data: { path: pathToString([...podFacts(ctx.doc).volumes.find((v) => child(v.map, 'name') === volume)!.path, 'name']), value: name, claimTemplatePath: path },
    severity: 'warning',
    related: relatedAt(node, 'The claim template is here.'),
  });
}

function relatedAt(node: Node, message: string): { start: number; end: number; message: string }[] {
  const r = node.range;
  return r ? [{ start: r[0], end: r[1], message }] : [];
}
