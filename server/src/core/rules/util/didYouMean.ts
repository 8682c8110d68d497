/**
 * "Did you mean …?" for an unknown key: the valid names ranked best first.
 *
 *     replicass → replicas        (one edit)
 *     ServiceName → serviceName   (case only: always first)
 *     contain → containers        (a prefix of a valid name)
 *
 * Ranking: a case-insensitive match, then the smallest Damerau-Levenshtein distance (a swapped
 * pair of letters counts as one edit, the commonest typo), then a prefix relation, then name.
 */

/** Optimal-string-alignment distance (Damerau-Levenshtein without repeated edits of a substring). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) d[0]![j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

interface Scored {
  readonly name: string;
  readonly caseMatch: boolean;
  readonly distance: number;
  readonly prefix: boolean;
}

function score(input: string, name: string): Scored | undefined {
  const lowerInput = input.toLowerCase();
  const lowerName = name.toLowerCase();
  const caseMatch = lowerInput === lowerName;
  const distance = editDistance(lowerInput, lowerName);
  const prefix = lowerInput.length >= 3 && (lowerName.startsWith(lowerInput) || lowerInput.startsWith(lowerName));
  // Allow about one edit per three letters, and at least one.
  const limit = Math.max(1, Math.floor(Math.max(input.length, name.length) / 3));
  if (!caseMatch && !prefix && distance > limit) return undefined;
  return { name, caseMatch, distance, prefix };
}

function compare(a: Scored, b: Scored): number {
  if (a.caseMatch !== b.caseMatch) return a.caseMatch ? -1 : 1;
  if (a.distance !== b.distance) return a.distance - b.distance;
  if (a.prefix !== b.prefix) return a.prefix ? -1 : 1;
  return a.name.localeCompare(b.name);
}

/** At most `max` candidates close enough to `input`, best first. */
export function rankSuggestions(input: string, candidates: Iterable<string>, max = 3): string[] {
  const scored: Scored[] = [];
  for (const name of candidates) {
    if (name === input) continue;
    const s = score(input, name);
    if (s) scored.push(s);
  }
  return scored.sort(compare).slice(0, max).map((s) => s.name);
}

/** `Did you mean "a"?` / `Did you mean "a", "b" or "c"?`; empty when there is nothing to offer. */
export function didYouMean(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return '';
  const quoted = suggestions.map((s) => `"${s}"`);
  const list = quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]!}`;
  return ` Did you mean ${list}?`;
}
