/**
 * The defaults we predict are the ones the API server sets: for every seed of
 * ../shared/apiserver/defaults.json (the object as the Kubernetes 1.36 API server holds it after
 * decoding and defaulting), every value the server added or changed is predicted, and nothing
 * else. Prints the agreement per field.
 *
 * Not counted: `status` and the server's bookkeeping (what the effective manifest leaves out);
 * empty objects (`resources: {}`, `metadata: {}`: Go structs serialized without omitempty, they
 * hold no value); quantities the server re-spells (`.5` → `500m`: equal values); and fields the
 * server drops because they hold their zero value (`hostNetwork: false`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseFile } from '../../server/src/core/parse/parseFile';
import { applyDefaults } from '../../server/src/core/defaults/applyDefaults';
import { effectiveObject } from '../../server/src/core/defaults/effectiveObject';
import { parseQuantity } from '../../server/src/core/rules/util/quantity';
import { sharedPath } from '../support/shared';

interface Seed {
  readonly kind: string;
  readonly name: string;
  readonly object: Record<string, unknown>;
}

/** path → scalar leaf (empty objects are not leaves; empty lists are `[]`). */
function flatten(value: unknown, path: string, out: Map<string, unknown>): Map<string, unknown> {
  if (Array.isArray(value)) {
    if (value.length === 0) out.set(path, '[]');
    value.forEach((v, i) => flatten(v, `${path}[${i}]`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, path ? `${path}.${k}` : k, out);
  } else out.set(path, value);
  return out;
}

const SERVER_KEPT = /^(status|metadata\.annotations\.deprecated\.daemonset\.template\.generation)(\.|\[|$)/;

/** A value as compared: a resource quantity by its amount (`.5` and `500m` are one value). */
function shown(path: string, value: unknown): string {
  if (/resources\.(limits|requests)\./.test(path) && (typeof value === 'string' || typeof value === 'number')) {
    const amount = parseQuantity(value);
    if (amount !== undefined) return `quantity ${amount}`;
  }
  return JSON.stringify(value);
}

/** What the server (or our prediction) did to the seed: values added or changed, and fields dropped. */
function changes(seed: Map<string, unknown>, after: Map<string, unknown>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [path, value] of after) {
    if (SERVER_KEPT.test(path)) continue;
    if (!seed.has(path)) out.set(path, `+ ${shown(path, value)}`);
    else if (shown(path, seed.get(path)) !== shown(path, value)) out.set(path, `${shown(path, seed.get(path))} → ${shown(path, value)}`);
  }
  for (const [path, value] of seed) {
    if (after.has(path) || SERVER_KEPT.test(path)) continue;
    if (value === false || value === 0 || value === '' || value === '[]' || value === null) continue;
    out.set(path, `− ${JSON.stringify(value)}`);
  }
  return out;
}

/** `spec.template.spec.containers[2].ports[0].protocol` → `Deployment spec.template.spec.containers[].ports[].protocol`. */
const fieldOf = (kind: string, path: string) => `${kind} ${path.replace(/\[\d+\]/g, '[]')}`;

test('every default the API server set is predicted, and no other (defaults.json)', () => {
  const defaults = JSON.parse(readFileSync(sharedPath('apiserver', 'defaults.json'), 'utf8')) as Record<string, Seed>;
  const perField = new Map<string, { agree: number; missed: number; invented: number }>();
  const problems: string[] = [];
  let seeds = 0;
  for (const [file, seed] of Object.entries(defaults)) {
    const text = readFileSync(sharedPath('apiserver', 'cases', file), 'utf8');
    const parsed = parseFile(TextDocument.create(`file:///${file}`, 'yaml', 1, text));
    const doc = parsed.docs.find((d) => d.parsed.isKubernetes);
    assert.ok(doc, `${file}: no Kubernetes object`);
    const source = doc.parsed.doc.toJS() as unknown;
    const predicted = applyDefaults(source, 36);
    assert.ok(predicted, `${file}: no defaulting known for ${seed.kind}`);
    // The effective manifest's object: the defaulted one without what the server keeps for itself.
    assert.deepEqual(effectiveObject(source, 36), withoutServerManaged(predicted.object), file);
    seeds++;
    const before = flatten(source, '', new Map());
    const actual = changes(before, flatten(seed.object, '', new Map()));
    const ours = changes(before, flatten(predicted.object, '', new Map()));
    for (const path of new Set([...actual.keys(), ...ours.keys()])) {
      const counts = perField.get(fieldOf(seed.kind, path)) ?? { agree: 0, missed: 0, invented: 0 };
      perField.set(fieldOf(seed.kind, path), counts);
      const [a, o] = [actual.get(path), ours.get(path)];
      if (a === o) counts.agree++;
      else {
        if (a !== undefined) counts.missed++;
        if (o !== undefined) counts.invented++;
        problems.push(`${file} ${path}: server ${a ?? '(nothing)'}, predicted ${o ?? '(nothing)'}`);
      }
    }
  }
  const rows = [...perField].sort(([a], [b]) => a.localeCompare(b));
  const width = Math.max(...rows.map(([f]) => f.length));
  console.log(`Defaults predicted for ${seeds} seeds (agree / missed / invented per field):`);
  for (const [field, c] of rows) console.log(`  ${field.padEnd(width)}  ${c.agree} / ${c.missed} / ${c.invented}`);
  const total = rows.reduce((n, [, c]) => n + c.agree, 0);
  console.log(`  ${total} of ${total + problems.length} field values agree`);
  assert.equal(seeds, Object.keys(defaults).length);
  assert.deepEqual(problems, []);
});

function withoutServerManaged(object: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(object);
  delete copy['status'];
  const spec = copy['spec'] as Record<string, unknown> | undefined;
  if (Array.isArray(spec?.['volumeClaimTemplates'])) for (const claim of spec['volumeClaimTemplates'] as Record<string, unknown>[]) delete claim['status'];
  return copy;
}
