/**
 * Defaulting, as the API server does it: a copy of the object with every default of the catalog
 * filled in, parent objects before the objects inside them (the order of the generated
 * defaulters), and a record of each field the catalog set and where.
 *
 *     {kind: Deployment, spec: {template: …}}  →  {kind: Deployment, spec: {replicas: 1, strategy: {…}, template: …}}
 *     records: [{path: ['spec'], field: 'replicas', value: 1}, {path: ['spec'], field: 'strategy', …}, …]
 */
import type { YamlPath } from '../parse/navigate';
import { absent, isObject, type DefaultingContext, type FieldDefault, type JsonObject } from './catalogTypes';
import { defaultingRoot, typeDefaults } from './catalog';

export interface DefaultRecord {
  /** Path of the object the field was set in. */
  readonly path: YamlPath;
  readonly field: string;
  /** The value set (for an object, as it ended up once the defaults inside it were filled). */
  readonly value: unknown;
  /** The type the field belongs to (`core.v1.Container`). */
  readonly typeId: string;
  readonly entry: FieldDefault;
  /** An explicit 0 replaced (probe timings). */
  readonly replaced: boolean;
}

export interface Defaulted {
  readonly object: JsonObject;
  readonly records: readonly DefaultRecord[];
}

/** `"1.36"` → 36. */
export function minorOf(version: string): number {
  return Number(version.split('.')[1] ?? 0);
}

/**
 * The object as the API server holds it after defaulting, or undefined when the catalog does not
 * know its kind and apiVersion. The source is not changed.
 */
export function applyDefaults(source: unknown, minor: number): Defaulted | undefined {
  if (!isObject(source)) return undefined;
  const root = defaultingRoot(source['apiVersion'], source['kind']);
  if (!root) return undefined;
  const object = structuredClone(source);
  const records: DefaultRecord[] = [];
  applyType(root, object, [], { minor }, records);
  return { object, records };
}

function applyType(typeId: string, obj: JsonObject, path: YamlPath, ctx: DefaultingContext, records: DefaultRecord[]): void {
  const defaults = typeDefaults(typeId);
  if (!defaults) return;
  for (const entry of defaults.fields ?? []) {
    if (entry.sinceMinor !== undefined && ctx.minor < entry.sinceMinor) continue;
    const current = obj[entry.field];
    const replaced = entry.zeroToo === true && current === 0;
    if (!absent(current) && !replaced) continue;
    const value = typeof entry.value === 'function' ? (entry.value as (o: JsonObject, c: DefaultingContext) => unknown)(obj, ctx) : structuredClone(entry.value);
    if (value === undefined || (current === '' && value === '')) continue;
    obj[entry.field] = value;
    records.push({ path, field: entry.field, value, typeId, entry, replaced });
  }
  defaults.rewrite?.(obj, ctx);
  for (const [field, child] of Object.entries(defaults.children ?? {})) {
    const value = obj[field];
    if (child.shape === 'list') {
      if (Array.isArray(value)) value.forEach((item, i) => isObject(item) && applyType(child.type, item, [...path, field, i], ctx, records));
    } else if (child.shape === 'map') {
      if (isObject(value)) for (const [key, item] of Object.entries(value)) if (isObject(item)) applyType(child.type, item, [...path, field, key], ctx, records);
    } else if (isObject(value)) applyType(child.type, value, [...path, field], ctx, records);
  }
}
