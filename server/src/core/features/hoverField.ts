/**
 * Field hover: path, type in words, required or optional, enum values, the server default, the
 * release a newer field appeared in, the API description and a link to the reference.
 *
 * A `spec` field of another kind (`replicas` in a DaemonSet) does not resolve against this kind's
 * schema; it is described from a kind that has it, under a note on why it does not apply here.
 */
import { apiReferenceUrl, fieldAt, parseTypeExpr, resolvePath, rootTypeFor, typeInWords, typeName, type ResolvedPath } from '../model/model';
import { pathToString, type YamlPath } from '../parse/navigate';
import type { WorkloadKind } from '../parse/parseFile';
import { fieldOfAnotherKind } from '../kinds/kindFields';
import { fieldDefault } from '../defaults/catalog';
import type { HoverTarget } from './hover';
import { foreignFieldNote } from './hoverKindNote';
import { code } from './markup';

export function fieldHover(target: HoverTarget): string | undefined {
  const path = target.site.path;
  if (path.length === 0) return undefined;
  const resolved = resolvePath(target.rootTypeId, path);
  if (resolved?.field) return describeField(target.rootTypeId, path, resolved);
  return foreignFieldHover(target.kind, path);
}

/** `replicas` in a DaemonSet, or anything below `strategy` in a StatefulSet. */
function foreignFieldHover(kind: WorkloadKind, path: YamlPath): string | undefined {
  const name = path[1];
  if (path[0] !== 'spec' || typeof name !== 'string') return undefined;
  const facts = fieldOfAnotherKind(kind, name);
  const owner = facts?.ownerKinds[0];
  if (!facts || !owner) return undefined;
  const ownerRoot = rootTypeFor('apps/v1', owner);
  const resolved = ownerRoot ? resolvePath(ownerRoot, path) : undefined;
  const note = foreignFieldNote(kind, facts);
  if (!ownerRoot || !resolved?.field) return note;
  return `${note}\n\n---\n\n*As documented for ${owner}:*\n\n${describeField(ownerRoot, path, resolved)}`;
}

/** The Markdown body for a field that resolved in the schema. */
export function describeField(rootTypeId: string, path: YamlPath, resolved: ResolvedPath): string {
  const field = resolved.field!;
  const name = fieldName(path, resolved);
  const mapEntry = isMapEntry(rootTypeId, path);
  const parts: string[] = [`**${code(pathToString(path), 200)}**`];
  const typeLine = mapEntry
    ? `${typeInWords(resolved.typeExpr)} · entry of the map ${code(name)}`
    : `${typeInWords(field.type)} · ${field.required ? '**required**' : 'optional'}`;
  parts.push(typeLine);
  if (field.enum?.length) parts.push(`Allowed values: ${field.enum.map((v) => `\`${v || '""'}\``).join(', ')}`);
  const byDefault = fieldDefault(resolved.ownerTypeId, name);
  if (byDefault && !mapEntry) parts.push(`Default (set by the API server): ${byDefault}`);
  if (field.since) parts.push(sinceLine(field.since, field.sinceUpTo));
  parts.push(field.description);
  if (resolved.ownerTypeId) {
    parts.push(`[${typeName(resolved.ownerTypeId)} in the API reference](${apiReferenceUrl(resolved.ownerTypeId)})`);
  }
  return parts.join('\n\n');
}

function sinceLine(since: string, upTo: string | undefined): string {
  return upTo && upTo !== since
    ? `New in Kubernetes ${since}–${upTo} (absent in 1.30): check your cluster version.`
    : `New in Kubernetes ${since}: check your cluster version.`;
}

/** The name of the field the path ends in (for `limits.cpu` it is `limits`, for `args[0]` it is `args`). */
export function fieldName(path: YamlPath, resolved: ResolvedPath): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const step = path[i];
    if (typeof step !== 'string') continue;
    if (!resolved.ownerTypeId || fieldAt(resolved.ownerTypeId, step) === resolved.field) return step;
  }
  return '';
}

function isMapEntry(rootTypeId: string, path: YamlPath): boolean {
  const last = path[path.length - 1];
  if (typeof last !== 'string' || path.length < 2) return false;
  const parent = resolvePath(rootTypeId, path.slice(0, -1));
  return !!parent && parseTypeExpr(parent.typeExpr).kind === 'map';
}
