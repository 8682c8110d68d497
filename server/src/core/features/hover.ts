/**
 * Hover: what the key or value under the cursor means, from the generated model and the kind facts.
 *
 * The cursor is found with one binary search over documents plus a walk down one document, so a
 * hover costs the same in a 1-document and a 5,000-document file. The walk goes down the yaml
 * tree, or, in a document whose tree the memory budget has dropped, down its outline
 * (parse/outline.ts), which gives the same answer without parsing the document again. A document
 * that does not parse only affects itself.
 */
import type { Hover, Range } from 'vscode-languageserver-types';
import { isScalar } from 'yaml';
import { rootTypeFor } from '../model/model';
import { locateIn, nodeAtPath, slotAt, type YamlPath } from '../parse/navigate';
import { scalarValue, type TreeOutline } from '../parse/outline';
import type { DocumentSlot, ParsedFile, WorkloadKind } from '../parse/parseFile';
import type { FeatureContext } from './featureContext';
import { apiVersionHover } from './hoverApiVersion';
import { fieldHover } from './hoverField';
import { kindCard } from './hoverKindCard';
import { valueHover } from './hoverValue';
import { markup } from './markup';
import { defaultsHover } from './hoverDefaults';

/** The key or value under the cursor: everything a hover reads of the document. */
export interface HoverSite {
  readonly slot: DocumentSlot;
  /** Path of the field or item. For a key, the path of its field. */
  readonly path: YamlPath;
  readonly role: 'key' | 'value';
  /** Range of the key or value, relative to the segment. */
  readonly start: number;
  readonly end: number;
  /** The value is a scalar … */
  readonly isScalar: boolean;
  /** … whose value is a string or a number: `value()` returns it. */
  readonly hasValue: boolean;
  value(): string | number | undefined;
  /** The document's `spec.replicas` when it is a non-negative integer. */
  replicas(): number | undefined;
}

/** What every hover part needs about the document under the cursor. */
export interface HoverTarget {
  readonly site: HoverSite;
  readonly kind: WorkloadKind;
  readonly rootTypeId: string;
  readonly uri: string;
  /** Absolute offset of the hovered node's start (for command arguments). */
  readonly nodeStart: number;
}

export function hover(file: ParsedFile, offset: number, ctx: FeatureContext): Hover | null {
  if (!file.isKubernetes) return null;
  const slot = slotAt(file, offset);
  const parsed = slot?.parsed;
  if (!slot || !parsed?.isWorkload) return null;
  const site = hoverSite(slot, offset - slot.start);
  if (!site) return null;
  const kind = parsed.kind as WorkloadKind;
  const rootTypeId = rootTypeFor(parsed.apiVersion ?? '', kind) ?? rootTypeFor('apps/v1', kind);
  if (!rootTypeId) return null;
  const nodeStart = slot.start + site.start;
  const target: HoverTarget = { site, kind, rootTypeId, uri: file.document.uri, nodeStart };
  const main = hoverMarkdown(target, file, ctx);
  const defaults = defaultsHover(slot, site, ctx.settings.kubernetesVersion);
  const markdown = main && defaults ? `${main}\n\n---\n\n${defaults}` : (main ?? defaults);
  if (!markdown) return null;
  const range: Range = { start: file.document.positionAt(nodeStart), end: file.document.positionAt(slot.start + site.end) };
  return { contents: markup(markdown, ctx.abilities.markdown), range };
}

function hoverMarkdown(target: HoverTarget, file: ParsedFile, ctx: FeatureContext): string | undefined {
  const { site } = target;
  if (site.role === 'value' && site.path.length === 1 && site.isScalar) {
    if (site.path[0] === 'kind') return kindCard(target, file, ctx);
    if (site.path[0] === 'apiVersion') return apiVersionHover(target);
  }
  if (site.role === 'value') {
    const value = valueHover(target);
    if (value) return value;
  }
  return fieldHover(target);
}

/** The site at a segment-relative offset: from the outline when the document has one. */
export function hoverSite(slot: DocumentSlot, rel: number): HoverSite | undefined {
  const outline = slot.parsed.outline;
  return outline ? outlineSite(slot, outline, rel) : treeSite(slot, rel);
}

function treeSite(slot: DocumentSlot, rel: number): HoverSite | undefined {
  const loc = locateIn(slot, rel);
  const range = loc.node?.range;
  if ((loc.role !== 'key' && loc.role !== 'value') || !range) return undefined;
  const node = loc.node;
  const value = isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') ? node.value : undefined;
  return {
    slot,
    path: loc.path,
    role: loc.role,
    start: range[0],
    end: range[1],
    isScalar: isScalar(node),
    hasValue: value !== undefined,
    value: () => value,
    replicas: () => treeReplicas(slot),
  };
}

function outlineSite(slot: DocumentSlot, outline: TreeOutline, rel: number): HoverSite | undefined {
  const loc = outline.locate(rel);
  const node = loc.node;
  if ((loc.role !== 'key' && loc.role !== 'value') || !node) return undefined;
  return {
    slot,
    path: loc.path,
    role: loc.role,
    start: node.start,
    end: node.end,
    isScalar: node.isScalar,
    hasValue: node.isStringOrNumber,
    // A value the outline cannot read again (a block scalar, a tagged one) comes from the tree.
    value: () => scalarValue(slot.parsed.source, node) ?? treeSite(slot, rel)?.value(),
    replicas: () => {
      const replicas = outline.find(REPLICAS);
      if (!replicas?.isStringOrNumber) return undefined;
      const value = scalarValue(slot.parsed.source, replicas);
      return value === undefined ? treeReplicas(slot) : asReplicas(value);
    },
  };
}

const REPLICAS: YamlPath = ['spec', 'replicas'];

function treeReplicas(slot: DocumentSlot): number | undefined {
  const node = nodeAtPath(slot.parsed, REPLICAS);
  return isScalar(node) ? asReplicas(node.value) : undefined;
}

function asReplicas(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}
