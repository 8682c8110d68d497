/**
 * Fixes for schema findings: rename an unknown key, pick an allowed enum value, insert a missing
 * required field, remove or move a field of another kind.
 *
 *     spec:                              spec:
 *       strategy:            →            updateStrategy:       (in a DaemonSet)
 *         type: RollingUpdate               type: RollingUpdate
 */
import { isMap, type YAMLMap } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isWorkloadKind, parseFile, type ParsedDocument, type WorkloadKind } from '../../parse/parseFile';
import { applyOffsetEdits } from '../../edit/textEdits';
import { DEFAULT_SETTINGS } from '../../settings/settings';
import { documentFindings } from '../diagnostics';
import { nodeAtPath, pairOf } from '../../parse/navigate';
import { DocEditor } from '../../edit/yamlEdits';
import { mapStrategy } from '../../convert/strategyMapping';
import type { ConvertContext } from '../../convert/convertContext';
import { asNode, compact, makeFix, parsePath, setIn, type Fix, type FixContext, type FixProvider } from './fixTypes';

const unknownField: FixProvider = (ctx) => {
  const parent = nodeAtPath(ctx.slot.parsed, parsePath(ctx.data['path']));
  const key = String(ctx.data['key']);
  const pair = pairOf(parent, key);
  if (!pair) return [];
  const suggestions = (Array.isArray(ctx.data['suggestions']) ? ctx.data['suggestions'] : []).map(String).filter((s) => !pairOf(parent, s));
  const renames = suggestions.map((s) =>
    makeFix(ctx.slot, `Rename "${key}" to "${s}"`, (e) => e.renameKey(pair, s), suggestions.length === 1),
  );
  return compact([...renames, makeFix(ctx.slot, `Remove "${key}"`, (e) => e.deletePair(parent as YAMLMap, pair))]);
};

const invalidEnum: FixProvider = (ctx) => {
  const node = asNode(nodeAtPath(ctx.slot.parsed, parsePath(ctx.data['path'])));
  const allowed = Array.isArray(ctx.data['allowed']) ? ctx.data['allowed'] : [];
  if (!node) return [];
  return compact(allowed.map((v) => makeFix(ctx.slot, `Change to "${String(v)}"`, (e) => e.replaceScalar(node, v), allowed.length === 1)));
};

/** Placeholders by type: something the API server parses, for the user to overwrite. */
function placeholder(typeExpr: string, field: string): unknown {
  if (typeExpr === 'string') return field === 'name' ? 'name' : '';
  if (typeExpr === 'integer') return field === 'replicas' ? 1 : 0;
  if (typeExpr === 'boolean') return false;
  if (typeExpr.startsWith('array:')) return [];
  return {};
}

const missingRequired: FixProvider = (ctx) => {
  const field = String(ctx.data['field']);
  const path = [...parsePath(ctx.data['path']), field];
  const value = placeholder(String(ctx.data['typeExpr'] ?? 'string'), field);
  const fix = makeFix(ctx.slot, `Add "${field}" (placeholder value)`, (e) => void setIn(e, path, value));
  return fix && accepted(ctx, fix) ? [fix] : [];
};

/**
 * A placeholder is offered only when the document then has fewer errors: some required fields
 * the API server also refuses empty (`image: ""` is rejected like no image), and a fix that
 * trades one Error for another fixes nothing. Checked on the one document, with its rules.
 */
function accepted(ctx: FixContext, fix: Fix): boolean {
  const base = ctx.slot.start;
  const text = applyOffsetEdits(ctx.slot.parsed.text, fix.edits.map((e) => ({ start: e.start - base, end: e.end - base, text: e.text })));
  const fixed = parseFile(TextDocument.create('untitled:placeholder.yaml', 'yaml', 0, text)).docs[0];
  if (!ctx.slot.parsed.isWorkload) return true;
  if (!fixed || fixed.parsed.problems.some((p) => p.severity === 'error')) return false;
  const errors = (doc: ParsedDocument) => documentFindings(doc, DEFAULT_SETTINGS).filter((f) => f.severity === 'error').length;
  return errors(fixed.parsed) < errors(ctx.slot.parsed);
}

const fieldOfAnotherKind: FixProvider = (ctx) => {
  const field = String(ctx.data['field']);
  const spec = nodeAtPath(ctx.slot.parsed, ['spec']);
  const pair = pairOf(spec, field);
  if (!isMap(spec) || !pair) return [];
  const equivalent = typeof ctx.data['equivalent'] === 'string' ? ctx.data['equivalent'] : undefined;
  const owners = (Array.isArray(ctx.data['ownerKinds']) ? ctx.data['ownerKinds'] : []).filter(isWorkloadKind);
  const move = equivalent && !pairOf(spec, equivalent) ? moveFix(ctx, spec as YAMLMap, field, equivalent, owners) : undefined;
  const remove = makeFix(ctx.slot, `Remove "${field}"`, (e) => e.deletePair(spec as YAMLMap, pair), !move);
  return compact([move, remove]);
};

/** strategy ↔ updateStrategy moves through the conversion's own mapping, so values stay valid. */
function moveFix(ctx: FixContext, spec: YAMLMap, field: string, equivalent: string, owners: WorkloadKind[]): Fix | undefined {
  const kind = ctx.slot.parsed.kind;
  const from = owners.find((k) => k !== kind);
  if (!isWorkloadKind(kind) || !from || !/^(strategy|updateStrategy)$/.test(field)) {
    return makeFix(ctx.slot, `Rename "${field}" to "${equivalent}"`, (e) => e.renameKey(pairOf(spec, field)!, equivalent), true);
  }
  const editor = new DocEditor(ctx.slot);
  const conversion: ConvertContext = {
    file: ctx.file, slot: ctx.slot, editor, from, to: kind, root: ctx.slot.parsed.doc.contents as YAMLMap, spec, options: {}, dropped: [], droppedFields: [], notes: [],
  };
  mapStrategy(conversion);
  if (!editor.edits.length) return undefined;
  const drops = conversion.droppedFields.length ? ` (drops ${conversion.droppedFields.map((d) => d.label).join(', ')})` : '';
  return { title: `Move "${field}" to "${equivalent}"${drops}`, edits: editor.edits, preferred: true };
}

export const SCHEMA_FIXES: Readonly<Record<string, FixProvider>> = {
  'unknown-field': unknownField,
  'invalid-enum': invalidEnum,
  'missing-required': missingRequired,
  'field-of-another-kind': fieldOfAnotherKind,
};
