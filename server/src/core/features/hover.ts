/**
 * Hover: what the key or value under the cursor means, from the generated model and the kind facts.
 *
 * The cursor is found with `locate` (one binary search over documents plus a walk down one
 * document), so a hover costs the same in a 1-document and a 1,000-document file. A document that
 * does not parse only affects itself: `locate` lands in the document under the cursor.
 */
import type { Hover, Range } from 'vscode-languageserver-types';
import { isScalar } from 'yaml';
import { rootTypeFor } from '../model/model';
import { locate, type Location } from '../parse/navigate';
import type { ParsedFile, WorkloadKind } from '../parse/parseFile';
import type { FeatureContext } from './featureContext';
import { apiVersionHover } from './hoverApiVersion';
import { fieldHover } from './hoverField';
import { kindCard } from './hoverKindCard';
import { valueHover } from './hoverValue';
import { markup } from './markup';

/** What every hover part needs about the document under the cursor. */
export interface HoverTarget {
  readonly loc: Location;
  readonly kind: WorkloadKind;
  readonly rootTypeId: string;
  readonly uri: string;
  /** Absolute offset of the hovered node's start (for command arguments). */
  readonly nodeStart: number;
}

export function hover(file: ParsedFile, offset: number, ctx: FeatureContext): Hover | null {
  if (!file.isKubernetes) return null;
  const loc = locate(file, offset);
  if (!loc || (loc.role !== 'key' && loc.role !== 'value') || !loc.node?.range) return null;
  const parsed = loc.slot.parsed;
  if (!parsed.isWorkload) return null;
  const kind = parsed.kind as WorkloadKind;
  const rootTypeId = rootTypeFor(parsed.apiVersion ?? '', kind) ?? rootTypeFor('apps/v1', kind);
  if (!rootTypeId) return null;
  const nodeStart = loc.slot.start + loc.node.range[0];
  const target: HoverTarget = { loc, kind, rootTypeId, uri: file.document.uri, nodeStart };
  const markdown = hoverMarkdown(target, file, ctx);
  if (!markdown) return null;
  const range: Range = {
    start: file.document.positionAt(nodeStart),
    end: file.document.positionAt(loc.slot.start + loc.node.range[1]),
  };
  return { contents: markup(markdown, ctx.abilities.markdown), range };
}

function hoverMarkdown(target: HoverTarget, file: ParsedFile, ctx: FeatureContext): string | undefined {
  const { loc } = target;
  if (loc.role === 'value' && loc.path.length === 1 && isScalar(loc.node)) {
    if (loc.path[0] === 'kind') return kindCard(target, file, ctx);
    if (loc.path[0] === 'apiVersion') return apiVersionHover(target);
  }
  if (loc.role === 'value') {
    const value = valueHover(target);
    if (value) return value;
  }
  return fieldHover(target);
}
