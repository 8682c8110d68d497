/**
 * YAML aliases as the API server sees them: kubectl resolves `*name` to the node anchored
 * `&name` before it, and merge keys (`<<: *base`) to the merged maps' pairs. The rules read
 * through aliases (rules/util/nodes.ts) without ever expanding them: each alias is linked to its
 * anchored node once per parse, so a "billion laughs" document costs one pass over its own nodes.
 *
 *     labels: &sel {app: web}
 *     …
 *     matchLabels: *sel          # → the map {app: web}
 *     resources: *nothing        # → "Unknown alias": no anchor &nothing before it
 */
import { isAlias, isCollection, isPair, visit, type Alias, type Document, type Node } from 'yaml';

const TARGETS = new WeakMap<Alias, Node>();

/** The node an alias stands for, or undefined (an undefined anchor, or not an alias). */
export function aliasTarget(node: unknown): Node | undefined {
  return isAlias(node) ? TARGETS.get(node) : undefined;
}

export interface AliasProblem {
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly code: 'UNKNOWN_ALIAS' | 'EXCESSIVE_ALIASING';
}

/**
 * go-yaml (which kubectl and the API server decode with) refuses documents whose aliases expand
 * to far more nodes than they hold: "document contains excessive aliasing". We report past this
 * many nodes once expanded, when that is more than ten times the document's own.
 */
const EXPANDED_LIMIT = 400_000;
const CAP = 1e12;

/**
 * Links every alias of the document to its anchor (the last one of that name before it) and
 * returns what the API server would refuse: aliases to no anchor, excessive expansion.
 */
export function linkAliases(doc: Document.Parsed, source: string): AliasProblem[] {
  if (!source.includes('*')) return [];
  const anchors = new Map<string, Node>();
  const problems: AliasProblem[] = [];
  const aliases: Alias[] = [];
  visit(doc, (_key, node) => {
    if (isPair(node)) return;
    if (isAlias(node)) {
      aliases.push(node);
      const target = anchors.get(node.source);
      if (target) TARGETS.set(node, target);
      else if (node.range) {
        problems.push({ start: node.range[0], end: node.range[1], code: 'UNKNOWN_ALIAS', message: `Unknown alias *${shortName(node.source)}: no anchor &${shortName(node.source)} is defined before it.` });
      }
      return;
    }
    const anchor = (node as Node).anchor;
    if (anchor) anchors.set(anchor, node as Node);
  });
  if (aliases.length > 0) {
    const excessive = excessiveAlias(doc, aliases);
    if (excessive) problems.push(excessive);
  }
  return problems;
}

/** The alias that expands the most, when the document expands past the limit. */
function excessiveAlias(doc: Document.Parsed, aliases: readonly Alias[]): AliasProblem | undefined {
  const sizes = new Map<Node, number>();
  const size = (node: unknown): number => {
    if (isAlias(node)) {
      const target = TARGETS.get(node);
      return target ? size(target) : 1;
    }
    if (!isCollection(node)) return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    sizes.set(node, 1); // a collection aliasing itself counts once
    let n = 1;
    for (const item of node.items) {
      if (isPair(item)) n += size(item.key) + size(item.value);
      else n += size(item);
      if (n > CAP) break;
    }
    n = Math.min(n, CAP);
    sizes.set(node, n);
    return n;
  };
  const expanded = size(doc.contents);
  let literal = 0;
  visit(doc, () => {
    literal++;
  });
  if (expanded <= EXPANDED_LIMIT || expanded <= 10 * literal) return undefined;
  let worst: Alias | undefined;
  let worstSize = 0;
  for (const alias of aliases) {
    const s = size(alias);
    if (s > worstSize) [worst, worstSize] = [alias, s];
  }
  const r = worst?.range;
  if (!worst || !r) return undefined;
  const count = expanded >= CAP ? 'more than 10^12' : `about ${expanded.toLocaleString('en-US')}`;
  return {
    start: r[0],
    end: r[1],
    code: 'EXCESSIVE_ALIASING',
    message: `The aliases of this document expand to ${count} nodes (*${shortName(worst.source)} alone to ${worstSize >= CAP ? 'more than 10^12' : worstSize.toLocaleString('en-US')}): the API server refuses a document with excessive aliasing.`,
  };
}

function shortName(name: string): string {
  return name.length > 40 ? `${name.slice(0, 40)}…` : name;
}
