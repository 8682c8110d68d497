/**
 * Where the kind snippets are offered: at the start of a line (a top-level key being typed) in a
 * YAML document — the part of the file between `---` lines — that has nothing else in it yet but
 * comments. Never in value position or inside a manifest, where the four snippets would only push
 * the real values and keys down the list.
 *
 *   ---
 *   dep|          → deployment, statefulset, daemonset, replicaset
 *   image: |      → nothing from here
 */

/** True when `lines[line]` up to `character` is a bare word at column 0 and its document is otherwise empty. */
export function isKindSnippetSite(lines: readonly string[], line: number, character: number): boolean {
  const current = lines[line] ?? '';
  if (!/^[A-Za-z-]*$/.test(current.slice(0, character)) || !/^[A-Za-z-]*\s*(#.*)?$/.test(current)) return false;
  const isSeparator = (text: string): boolean => /^(---|\.\.\.)(\s|#|$)/.test(text);
  const isEmpty = (text: string): boolean => /^\s*(#.*)?$/.test(text) || /^%/.test(text);
  for (let i = line - 1; i >= 0 && !isSeparator(lines[i]!); i--) if (!isEmpty(lines[i]!)) return false;
  for (let i = line + 1; i < lines.length && !isSeparator(lines[i]!); i++) if (!isEmpty(lines[i]!)) return false;
  return true;
}
