/**
 * What a conversion says to the user in one line, wherever it is offered:
 *
 *     Convert to StatefulSet (drops maxSurge 25%, maxUnavailable 0, progressDeadlineSeconds)
 *     Convert to DaemonSet (drops replicas 3, maxSurge 25%, +2 more)
 *
 * and, after the edit, everything it did in one message (what was dropped, what was added, what
 * must be done by hand), for editors that see only the code action.
 */
import type { DroppedField } from './convertContext';
import type { ConversionResult } from './convertWorkload';

/** Labels shown before "+N more". */
const SHOWN = 3;

/** The labels of the dropped fields, those of the spec first, each once. */
export function droppedLabels(fields: readonly DroppedField[]): string[] {
  const spec = fields.filter((f) => f.path[0] === 'spec');
  const rest = fields.filter((f) => f.path[0] !== 'spec');
  return [...new Set([...spec, ...rest].map((f) => f.label))];
}

/** `drops a, b, c, +2 more`, or '' when nothing is dropped. */
export function dropSummary(fields: readonly DroppedField[]): string {
  const labels = droppedLabels(fields);
  if (labels.length === 0) return '';
  const shown = labels.length > SHOWN + 1 ? [...labels.slice(0, SHOWN), `+${labels.length - SHOWN} more`] : labels;
  return `drops ${shown.join(', ')}`;
}

/** The code action's title: `Convert to X`, and what it drops in parentheses. */
export function conversionTitle(target: string, fields: readonly DroppedField[]): string {
  const drops = dropSummary(fields);
  return `Convert to ${target}${drops ? ` (${drops})` : ''}`;
}

/** Everything the conversion did, as one message to show once the edit is applied. */
export function conversionMessage(target: string, result: Pick<ConversionResult, 'dropped' | 'notes'>): string {
  const parts = [`Converted to ${target}.`];
  if (result.dropped.length) parts.push(`Dropped: ${result.dropped.join(' ')}`);
  if (result.notes.length) parts.push(`Notes: ${result.notes.join(' ')}`);
  return parts.join('\n');
}
