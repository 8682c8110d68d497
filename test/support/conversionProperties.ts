/**
 * What a conversion must mean, not only parse: checked on the converted file read back.
 *
 * - Only the converted document changes; the text before and after it is byte-identical, and
 *   the documents the conversion creates (Service, PersistentVolumeClaim) come right after it.
 * - The target's own spec holds what it needs: a StatefulSet's serviceName names a headless
 *   Service in its namespace that selects its pods, and every mount of a volume that was backed
 *   by a PersistentVolumeClaim has a claim template; a DaemonSet has no replicas; strategies are
 *   mapped (type and budgets kept where the target accepts them).
 * - No document of the result gets an Error the input did not have.
 * - Converting back restores the original document except the fields reported as dropped.
 *
 * Each check answers with failures as sentences (an empty list when every property holds), so
 * the unit test over generated layouts and the conformance test over real manifests share it.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { parseFile, type ParsedFile, type WorkloadKind } from '../../server/src/core/parse/parseFile';
import { convertWorkload, type ConversionResult } from '../../server/src/core/convert/convertWorkload';
import { strategyKey } from '../../server/src/core/convert/strategyMapping';
import { specType } from '../../server/src/core/convert/specFields';
import { fieldAt } from '../../server/src/core/model/model';
import { applyOffsetEdits } from '../../server/src/core/edit/textEdits';
import { diagnose } from './annotations';

type Json = Record<string, unknown>;

const URI = 'file:///properties.yaml';
const NEW_KINDS = new Set(['Service', 'PersistentVolumeClaim']);
const STRATEGY_TYPES: Record<WorkloadKind, readonly string[]> = {
  Deployment: ['RollingUpdate', 'Recreate'],
  StatefulSet: ['RollingUpdate', 'OnDelete'],
  DaemonSet: ['RollingUpdate', 'OnDelete'],
  ReplicaSet: [],
};
const BUDGETS: Record<WorkloadKind, readonly string[]> = {
  Deployment: ['maxSurge', 'maxUnavailable'],
  StatefulSet: ['maxUnavailable', 'partition'],
  DaemonSet: ['maxSurge', 'maxUnavailable'],
  ReplicaSet: [],
};

export function parseText(text: string): ParsedFile {
  return parseFile(TextDocument.create(URI, 'yaml', 1, text));
}

/** Errors as `rule: message` (positions left out, since edits move them). */
export function errorKeys(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).map((d) => `${String(d.code)}: ${d.message}`);
}

/** The entries of `after` that `before` does not hold as often (multiset difference). */
export function added(before: readonly string[], after: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const b of before) left.set(b, (left.get(b) ?? 0) + 1);
  return after.filter((a) => {
    const n = left.get(a) ?? 0;
    if (n > 0) left.set(a, n - 1);
    return n === 0;
  });
}

export interface ConversionCheck {
  readonly result: ConversionResult;
  readonly text: string;
  readonly failures: string[];
}

/** Converts document `docIndex` of `text` to `target` and checks every property. */
export function checkConversion(text: string, docIndex: number, target: WorkloadKind): ConversionCheck {
  const file = parseText(text);
  const slot = file.docs[docIndex]!;
  const from = slot.parsed.kind as WorkloadKind;
  const result = convertWorkload(file, docIndex, target);
  const out = applyOffsetEdits(text, result.offsetEdits);
  const failures: string[] = [];
  const fail = (what: string) => failures.push(`${from} → ${target}: ${what}`);
  const outFile = parseText(out);

  // Only the converted document changes; new documents right after it.
  const segStart = slot.start;
  const segEnd = slot.start + slot.parsed.text.length;
  if (result.offsetEdits.some((e) => e.start < segStart || e.end > segEnd)) fail('an edit reaches outside the converted document');
  if (!out.startsWith(text.slice(0, segStart)) || !out.endsWith(text.slice(segEnd))) fail('text outside the converted document changed');
  const addedDocs = outFile.docs.length - file.docs.length;
  const namespace = obj(json(outFile, docIndex)['metadata'])['namespace'];
  for (let k = 1; k <= addedDocs; k++) {
    const kind = outFile.docs[docIndex + k]?.parsed.kind;
    if (!NEW_KINDS.has(String(kind))) fail(`document ${docIndex + k} after the converted one is a ${String(kind)}, not a new Service or PersistentVolumeClaim`);
    const ns = obj(json(outFile, docIndex + k)['metadata'])['namespace'];
    if (ns !== namespace) fail(`the new ${String(kind)} is in namespace ${String(ns)}, the workload in ${String(namespace)}`);
  }
  for (let j = docIndex + 1; j < file.docs.length; j++) {
    if (outFile.docs[j + addedDocs]?.parsed.text !== file.docs[j]!.parsed.text) fail(`document ${j} is not byte-identical`);
  }

  const source = json(file, docIndex);
  const converted = json(outFile, docIndex);
  if (converted['kind'] !== target) fail(`kind is ${String(converted['kind'])}`);
  failures.push(...targetFailures(source, converted, outFile, from, target).map((f) => `${from} → ${target}: ${f}`));

  // No Error the input did not have (a name a StatefulSet cannot carry is reported, not renamed).
  const renameNoted = result.notes.some((n) => n.startsWith('Rename the workload'));
  const newErrors = added(errorKeys(diagnose(text)), errorKeys(diagnose(out))).filter((e) => !(renameNoted && e.startsWith('invalid-name')));
  for (const e of newErrors) fail(`new error ${e}`);

  // Converting back restores the original except what was reported as dropped.
  if (failures.length === 0) {
    const back = convertWorkload(outFile, docIndex, from);
    const restored = json(parseText(applyOffsetEdits(out, back.offsetEdits)), docIndex);
    const dropped = [...result.droppedFields, ...back.droppedFields].map((d) => d.path.join('.'));
    const apiChanged = source['apiVersion'] !== 'apps/v1';
    for (const path of differences(normalise(source), normalise(restored))) {
      if (dropped.some((d) => path === d || path.startsWith(`${d}.`))) continue;
      if (apiChanged && path === 'apiVersion') continue;
      // The selector the older API version defaulted to the template labels, written out.
      if (apiChanged && path.startsWith('spec.selector.matchLabels.') && obj(source['spec'])['selector'] === undefined) continue;
      // A volume a claim template of the same name overrode never served the pods.
      const overridden = /^spec\.template\.spec\.volumes\.([^.]+)\./.exec(path)?.[1];
      if (overridden && list(obj(source['spec'])['volumeClaimTemplates']).some((t) => obj(obj(t)['metadata'])['name'] === overridden)) continue;
      // An explicit replicas: 1 where the original had none is the original (1 is the default).
      if (path === 'spec.replicas' && obj(source['spec'])['replicas'] === undefined && obj(restored['spec'])['replicas'] === 1) continue;
      // Claim templates that became claims of their own name (reported with volumeClaimTemplates).
      if (/^spec\.template\.spec\.volumes\.[^.]+\.persistentVolumeClaim\.claimName$/.test(path) && dropped.some((d) => d === 'spec.volumeClaimTemplates')) continue;
      fail(`converting back changed ${path}, which was not reported as dropped`);
    }
  }
  return { result, text: out, failures };
}

/** What the target needs in its own spec, read from the converted document. */
function targetFailures(source: Json, converted: Json, file: ParsedFile, from: WorkloadKind, to: WorkloadKind): string[] {
  const out: string[] = [];
  const spec = obj(converted['spec']);
  const sourceSpec = obj(source['spec']);
  for (const key of Object.keys(spec)) if (!fieldAt(specType(to), key)) out.push(`spec.${key} is not a ${to} field`);
  if (to === 'DaemonSet' && 'replicas' in spec) out.push('a DaemonSet has replicas');
  if (fieldAt(specType(from), 'replicas') && fieldAt(specType(to), 'replicas') && 'replicas' in sourceSpec && spec['replicas'] !== sourceSpec['replicas']) {
    out.push(`replicas ${String(sourceSpec['replicas'])} became ${String(spec['replicas'])}`);
  }
  out.push(...strategyFailures(sourceSpec, spec, from, to));
  const namespace = obj(converted['metadata'])['namespace'];
  if (to === 'StatefulSet') out.push(...serviceFailures(spec, file, namespace));
  if (to === 'StatefulSet') out.push(...claimFailures(sourceSpec, spec));
  if (from === 'StatefulSet') out.push(...claimVolumeFailures(sourceSpec, spec, file, namespace));
  return out;
}

function strategyFailures(sourceSpec: Json, spec: Json, from: WorkloadKind, to: WorkloadKind): string[] {
  const out: string[] = [];
  const fromKey = strategyKey(from);
  const toKey = strategyKey(to);
  for (const key of ['strategy', 'updateStrategy']) if (key !== toKey && key in spec) out.push(`a ${to} has ${key}`);
  const before = fromKey ? obj(sourceSpec[fromKey]) : {};
  const after = toKey ? obj(spec[toKey]) : {};
  if (!toKey || !fromKey) return out;
  const type = before['type'];
  if (typeof type === 'string') {
    const expected = STRATEGY_TYPES[to].includes(type) ? type : 'RollingUpdate';
    if ((after['type'] ?? 'RollingUpdate') !== expected) out.push(`strategy type ${type} became ${String(after['type'])}, expected ${expected}`);
  }
  const rollingBefore = obj(before['rollingUpdate']);
  const rollingAfter = obj(after['rollingUpdate']);
  for (const budget of BUDGETS[to]) {
    if (!(budget in rollingBefore) || !BUDGETS[from].includes(budget)) continue;
    const value = rollingBefore[budget];
    const zero = value === 0 || value === '0' || value === '0%';
    // A StatefulSet refuses maxUnavailable 0; a DaemonSet allows one non-zero budget only.
    if (to === 'StatefulSet' && budget === 'maxUnavailable' && zero) continue;
    const surgeGivesWay = to === 'DaemonSet' && budget === 'maxSurge' && !zero && !isZeroish(rollingBefore['maxUnavailable']);
    const expected = surgeGivesWay ? 0 : value;
    if (typeof type === 'string' && !STRATEGY_TYPES[to].includes(type)) continue;
    if (rollingAfter[budget] !== expected) out.push(`rollingUpdate.${budget} ${String(value)} became ${String(rollingAfter[budget])}`);
  }
  return out;
}

function isZeroish(value: unknown): boolean {
  return value === 0 || value === '0' || value === '0%';
}

/** serviceName names a headless Service in the workload's namespace that selects its pods. */
function serviceFailures(spec: Json, file: ParsedFile, namespace: unknown): string[] {
  const name = spec['serviceName'];
  if (typeof name !== 'string' || !name) return ['a StatefulSet without serviceName'];
  const labels = obj(obj(obj(spec['template'])['metadata'])['labels']);
  const services = file.docs.map((_, i) => json(file, i)).filter((d) => d['kind'] === 'Service' && obj(d['metadata'])['name'] === name);
  const inNamespace = services.filter((s) => {
    const ns = obj(s['metadata'])['namespace'];
    return ns === namespace || ns === undefined || namespace === undefined;
  });
  if (inNamespace.length === 0) return [`serviceName "${name}" names no Service in namespace ${String(namespace ?? '(default)')}`];
  const good = inNamespace.some((s) => {
    const sspec = obj(s['spec']);
    const selector = obj(sspec['selector']);
    return sspec['clusterIP'] === 'None' && Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);
  });
  return good ? [] : [`serviceName "${name}" names a Service that is not headless or does not select the pods`];
}

/** Every mount of a volume that was backed by a claim has a claim template of that name. */
function claimFailures(sourceSpec: Json, spec: Json): string[] {
  const claimVolumes = volumes(sourceSpec).filter((v) => 'persistentVolumeClaim' in v).map((v) => String(v['name']));
  const templates = list(spec['volumeClaimTemplates']).map((t) => obj(obj(t)['metadata'])['name']);
  const remaining = volumes(spec).map((v) => v['name']);
  return mounts(spec)
    .filter((m) => claimVolumes.includes(m))
    .filter((m) => !templates.includes(m) || remaining.includes(m))
    .map((m) => `the claim-backed volume "${m}" has no claim template`);
}

/** From a StatefulSet: each claim template is a volume whose claim is a document of the file. */
function claimVolumeFailures(sourceSpec: Json, spec: Json, file: ParsedFile, namespace: unknown): string[] {
  const out: string[] = [];
  const claims = file.docs.map((_, i) => json(file, i)).filter((d) => d['kind'] === 'PersistentVolumeClaim');
  const existing = volumes(sourceSpec).map((v) => v['name']);
  for (const template of list(sourceSpec['volumeClaimTemplates'])) {
    const name = obj(obj(template)['metadata'])['name'];
    // A volume of that name was there already (the claim template overrode it): it stays.
    if (existing.includes(name)) continue;
    const volume = volumes(spec).find((v) => v['name'] === name);
    if (!volume) {
      out.push(`the claim template "${String(name)}" became no volume`);
      continue;
    }
    const claim = obj(volume['persistentVolumeClaim'])['claimName'];
    if (claim === undefined) continue;
    if (!claims.some((c) => obj(c['metadata'])['name'] === claim && obj(c['metadata'])['namespace'] === namespace)) {
      out.push(`the volume "${String(name)}" names the claim "${String(claim)}", which is not in the file beside the workload`);
    }
  }
  return out;
}

function volumes(spec: Json): Json[] {
  return list(obj(obj(spec['template'])['spec'])['volumes']).map(obj);
}

function mounts(spec: Json): string[] {
  const pod = obj(obj(spec['template'])['spec']);
  return [...list(pod['containers']), ...list(pod['initContainers'])].flatMap((c) => list(obj(c)['volumeMounts']).map((m) => String(obj(m)['name'])));
}

function json(file: ParsedFile, index: number): Json {
  return obj(file.docs[index]?.parsed.doc.toJSON());
}

function obj(value: unknown): Json {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Lists of named items become maps by name, so a moved item is not a difference. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) {
    const named = value.every((v) => obj(v)['name'] !== undefined && typeof obj(v)['name'] === 'string');
    if (named && value.length) return Object.fromEntries(value.map((v) => [obj(v)['name'], normalise(v)]));
    return value.map(normalise);
  }
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]));
  return value;
}

/**
 * Paths (dot-joined) of the leaves where two values differ; a mapping present on one side only
 * differs at each of its leaves, so dropping every field of a block is explained by its fields.
 */
function differences(a: unknown, b: unknown, path = ''): string[] {
  const isObj = (v: unknown) => v !== null && typeof v === 'object';
  const both = (isObj(a) || a === undefined) && (isObj(b) || b === undefined) && (a !== undefined || b !== undefined);
  if (both && (a === undefined || b === undefined || Array.isArray(a) === Array.isArray(b))) {
    const keys = new Set([...Object.keys((a ?? {}) as object), ...Object.keys((b ?? {}) as object)]);
    return [...keys].flatMap((k) => differences((a as Json | undefined)?.[k], (b as Json | undefined)?.[k], path ? `${path}.${k}` : k));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [path];
}
