/**
 * What the file rules read of one document, so that an analysis can tell whether an edit could
 * change their findings at all.
 *
 * Typing inside a value of one document of a 5,000-document bundle (issue #8) leaves its
 * cross-document facts, its syntax problems and its suppressions as they were; the file rules
 * then need not run again over every document. The contract: a file rule reads only what
 * `fileRuleInputs` gathers (per-document facts, `problems`, `apiVersion`, `kind`) and the
 * suppressions. A file rule that reads more must add it here.
 */
import type { ParsedDocument } from '../parse/parseFile';
import { docFacts } from '../rules/util/fileFacts';
import { documentSuppressions } from '../rules/suppression';

export interface FileRuleInputs {
  readonly facts: unknown;
  readonly problems: unknown;
  readonly apiVersion: string | undefined;
  readonly kind: string | undefined;
  /** False when line or object suppressions exist: their effect depends on more than offsets. */
  readonly plain: boolean;
}

/** Memoised on the parse as plain data, so it outlives the document's tree. */
export function fileRuleInputs(doc: ParsedDocument): FileRuleInputs {
  const cached = doc.lasting.get('inputs:file') as FileRuleInputs | undefined;
  if (cached) return cached;
  const s = documentSuppressions(doc);
  const inputs: FileRuleInputs = {
    facts: docFacts(doc),
    problems: doc.problems,
    apiVersion: doc.apiVersion,
    kind: doc.kind,
    plain: s.lines.size === 0 && s.object === undefined,
  };
  doc.lasting.set('inputs:file', inputs);
  return inputs;
}

/** Whether the file rules would see the same thing in both documents. */
export function sameInputs(a: FileRuleInputs, b: FileRuleInputs): boolean {
  return a.plain && b.plain && sameValue(a, b);
}

/** Structural equality of plain data: primitives, arrays, maps, sets and plain objects. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (a instanceof Map) {
    return b instanceof Map && a.size === b.size && [...a].every(([k, v]) => b.has(k) && sameValue(v, b.get(k)));
  }
  if (a instanceof Set) return b instanceof Set && a.size === b.size && [...a].every((x) => b.has(x));
  if (Array.isArray(b) || b instanceof Map || b instanceof Set) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
