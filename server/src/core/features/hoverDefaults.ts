/**
 * The effective values in a hover: on a mapping's key, the fields the manifest leaves out and
 * the API server sets ("`progressDeadlineSeconds` not set: the API server sets `600`"); on a
 * field the server replaces (a probe's `periodSeconds: 0`), the value it sets instead.
 *
 * Hovers never parse a document again: in a document whose tree the memory budget dropped, this
 * answers only when the defaults were worked out already.
 */
import { formatValue } from '../defaults/catalog';
import { pathToString } from '../parse/navigate';
import type { DocumentSlot } from '../parse/parseFile';
import { documentDefaults, type MappingDefaults } from './documentDefaults';
import type { HoverSite } from './hover';

export function defaultsHover(slot: DocumentSlot, site: HoverSite, version: string): string | undefined {
  if (site.role !== 'key') return undefined;
  const key = `documentDefaults:${version}`;
  const known = slot.parsed.lasting.get(key) as readonly MappingDefaults[] | undefined;
  const all = known ?? (slot.parsed.outline === undefined ? documentDefaults(slot, version) : undefined);
  if (!all?.length) return undefined;
  const here = pathToString(site.path);
  const parent = pathToString(site.path.slice(0, -1));
  const field = site.path[site.path.length - 1];
  const lines: string[] = [];
  for (const record of all.find((m) => pathToString(m.path) === parent)?.records ?? []) {
    if (record.replaced && record.field === field) lines.push(`Written \`0\`: the API server sets \`${formatValue(record.value)}\`.`);
  }
  const inside = all.find((m) => pathToString(m.path) === here);
  for (const record of inside?.records ?? []) {
    if (record.entry.quiet) continue;
    lines.push(record.replaced ? `- \`${record.field}\` written as \`0\`: the API server sets \`${formatValue(record.value)}\`` : `- \`${record.field}\` not set: the API server sets \`${formatValue(record.value)}\``);
  }
  if (!lines.length) return undefined;
  return inside ? [`**Effective values** (Kubernetes ${version}):`, '', ...lines].join('\n') : lines.join('\n');
}
