/**
 * Maps a Deployment `strategy` to a StatefulSet or DaemonSet `updateStrategy` and back
 * (research §4.2), editing in place so the block keeps its position and comments:
 *
 *     strategy:                         updateStrategy:          (Deployment → DaemonSet)
 *       type: RollingUpdate               type: RollingUpdate
 *       rollingUpdate:            →       rollingUpdate:
 *         maxSurge: 25%                     maxSurge: 0          (only one may be non-zero)
 *         maxUnavailable: 25%               maxUnavailable: 25%
 */
import { isMap, type YAMLMap } from 'yaml';
import type { WorkloadKind } from '../parse/parseFile';
import { pairOf } from '../parse/navigate';
import { drop, isZero, mapAt, scalarAt, type ConvertContext } from './convertContext';

/** The strategy field of each kind (none for a ReplicaSet, which never rolls out). */
export function strategyKey(kind: WorkloadKind): 'strategy' | 'updateStrategy' | undefined {
  if (kind === 'Deployment') return 'strategy';
  if (kind === 'ReplicaSet') return undefined;
  return 'updateStrategy';
}

/** Strategy types each kind accepts. */
const TYPES: Record<WorkloadKind, readonly string[]> = {
  Deployment: ['RollingUpdate', 'Recreate'],
  StatefulSet: ['RollingUpdate', 'OnDelete'],
  DaemonSet: ['RollingUpdate', 'OnDelete'],
  ReplicaSet: [],
};

/** rollingUpdate fields each kind accepts. */
const ROLLING_FIELDS: Record<WorkloadKind, readonly string[]> = {
  Deployment: ['maxSurge', 'maxUnavailable'],
  StatefulSet: ['partition', 'maxUnavailable'],
  DaemonSet: ['maxSurge', 'maxUnavailable'],
  ReplicaSet: [],
};

const ALL_ROLLING = new Set(Object.values(ROLLING_FIELDS).flat());

const WHY_TYPE: Record<string, string> = {
  Recreate: 'a Recreate rollout (stop every old pod first) has no equivalent; the default RollingUpdate applies',
  OnDelete: 'OnDelete (pods replaced only when you delete them) has no Deployment equivalent; the default RollingUpdate applies (set paused: true for manual control)',
};

export function mapStrategy(ctx: ConvertContext): void {
  const fromKey = strategyKey(ctx.from);
  const toKey = strategyKey(ctx.to);
  const pair = fromKey ? pairOf(ctx.spec, fromKey) : undefined;
  if (!pair || !fromKey) return;
  if (!toKey) {
    ctx.editor.deletePair(ctx.spec, pair);
    drop(ctx, ['spec', fromKey], fromKey, `${fromKey}: a ReplicaSet has no rollout; template changes reach only pods created later.`);
    return;
  }
  if (!isMap(pair.value)) {
    if (fromKey !== toKey) ctx.editor.renameKey(pair, toKey);
    return;
  }
  const value = pair.value as YAMLMap;
  if (fromKey !== toKey) ctx.editor.renameKey(pair, toKey);
  const type = scalarAt(value, 'type');
  if (typeof type === 'string' && !TYPES[ctx.to].includes(type)) {
    ctx.editor.replaceScalar(pairOf(value, 'type')!.value!, 'RollingUpdate');
    drop(ctx, ['spec', fromKey, 'type'], `${fromKey} ${type}`, `${fromKey}.type ${type}: ${WHY_TYPE[type] ?? 'not accepted by the target kind'}.`);
    removeRolling(ctx, value, ['maxSurge', 'maxUnavailable', 'partition'], `${fromKey}.rollingUpdate`);
    return;
  }
  mapRolling(ctx, value, fromKey);
}

function mapRolling(ctx: ConvertContext, strategy: YAMLMap, fromKey: string): void {
  const rolling = mapAt(strategy, 'rollingUpdate');
  if (!rolling) return;
  const gone: string[] = [];
  for (const item of rolling.items) {
    const name = String((item.key as { value: unknown }).value);
    if (!ROLLING_FIELDS[ctx.to].includes(name) && ALL_ROLLING.has(name)) gone.push(name);
  }
  const surge = scalarAt(rolling, 'maxSurge');
  const unavailable = scalarAt(rolling, 'maxUnavailable');
  if (ctx.to === 'StatefulSet' && unavailable !== undefined && isZero(unavailable)) gone.push('maxUnavailable');
  const reasons: Record<string, string> = {
    maxSurge: `a ${ctx.to} never runs extra pods during a rollout`,
    partition: 'staged (canary) rollouts by ordinal are lost',
    maxUnavailable: 'a StatefulSet does not accept 0 here',
  };
  removeRolling(ctx, strategy, gone, `${fromKey}.rollingUpdate`, reasons);
  if (ctx.to === 'DaemonSet' && surge !== undefined && !isZero(surge) && (unavailable === undefined || !isZero(unavailable))) {
    // A DaemonSet accepts exactly one non-zero budget; keep maxUnavailable, as §4.2 suggests.
    ctx.editor.replaceScalar(pairOf(rolling, 'maxSurge')!.value!, 0);
    drop(
      ctx,
      ['spec', fromKey, 'rollingUpdate', 'maxSurge'],
      `maxSurge ${String(surge)}`,
      `${fromKey}.rollingUpdate.maxSurge ${String(surge)}: a DaemonSet allows only one of maxSurge and maxUnavailable to be non-zero, so maxSurge is now 0.`,
    );
  }
  if (ctx.to === 'StatefulSet' && unavailable !== undefined && !isZero(unavailable)) {
    ctx.notes.push('StatefulSet rollingUpdate.maxUnavailable takes effect only with the MaxUnavailableStatefulSet feature gate; without it pods update one at a time.');
  }
  if (ctx.to === 'DaemonSet' && unavailable !== undefined && typeof unavailable === 'string' && unavailable.endsWith('%')) {
    ctx.notes.push('DaemonSet rollout percentages count nodes, not replicas.');
  }
}

/** Removes rollingUpdate fields (the whole block when none is left) and says why. */
function removeRolling(
  ctx: ConvertContext,
  strategy: YAMLMap,
  names: readonly string[],
  prefix: string,
  reasons: Record<string, string> = {},
): void {
  const rolling = mapAt(strategy, 'rollingUpdate');
  if (!rolling || names.length === 0) return;
  const present = rolling.items.filter((p) => names.includes(String((p.key as { value: unknown }).value)));
  if (present.length === 0) return;
  if (present.length === rolling.items.length && strategy.items.length === 1) {
    const key = strategyKey(ctx.from)!;
    ctx.editor.deletePair(ctx.spec, pairOf(ctx.spec, key)!);
  } else if (present.length === rolling.items.length) ctx.editor.deletePair(strategy, pairOf(strategy, 'rollingUpdate')!);
  else ctx.editor.deletePairs(rolling, present);
  for (const p of present) {
    const name = String((p.key as { value: unknown }).value);
    const value = scalarAt(rolling, name);
    const why = reasons[name] ?? `not used by ${ctx.to} RollingUpdate`;
    const shown = value !== undefined ? ` ${String(value)}` : '';
    drop(ctx, ['spec', ...prefix.split('.'), name], `${name}${shown}`, `${prefix}.${name}${shown}: ${why}.`);
  }
}
