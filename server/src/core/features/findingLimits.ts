/**
 * What one document or file may cost the editor: at most so many findings are kept, and one
 * summary finding says how many more there are. A generated Deployment with 34,797 containers
 * gave 347,970 diagnostics, a 125 MB message the editor had to decode and hold; no one reads past
 * the first few hundred, and the summary says how to see the rest (fix these, or switch off the
 * rule that fires everywhere).
 *
 *   containers: [8,000 containers without resources]
 *   → the first 500 findings, then "too-many-findings: 79,500 more findings in this document …"
 */
import type { Problem } from '../rules/ruleTypes';
import type { Severity } from '../settings/settings';

export const MAX_FINDINGS_PER_DOCUMENT = 500;
export const MAX_DIAGNOSTICS_PER_FILE = 10_000;
export const TOO_MANY_FINDINGS = 'too-many-findings';

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };
const WORDS: readonly [Severity, string][] = [['error', 'error'], ['warning', 'warning'], ['info', 'info'], ['hint', 'hint']];

/** Counts what a cap left out, by severity. */
export class Overflow {
  private readonly counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  total = 0;

  add(severity: Severity): void {
    this.counts[severity]++;
    this.total++;
  }

  /** The severity of the summary: the highest left out (an error hidden is still an error). */
  get severity(): Severity {
    let best: Severity = 'info';
    for (const [s] of WORDS) if (this.counts[s] > 0 && RANK[s] > RANK[best]) best = s;
    return best;
  }

  /** "79,500 more findings in this document (2 errors, 79,498 warnings) are not shown: …" */
  message(where: 'document' | 'file', shown: number): string {
    const parts = WORDS.filter(([s]) => this.counts[s] > 0).map(([s, word]) => `${count(this.counts[s])} ${word}${this.counts[s] === 1 || word === 'info' ? '' : 's'}`);
    return (
      `${count(this.total)} more finding${this.total === 1 ? '' : 's'} in this ${where} (${parts.join(', ')}) ${this.total === 1 ? 'is' : 'are'} not shown: ` +
      `only the first ${count(shown)} are. Fix these first, or switch off a rule that fires everywhere with "kubeWorkloads.rules".`
    );
  }
}

/** The summary problem, on the first line of the document (`text` is its segment). */
export function overflowProblem(overflow: Overflow, text: string, shown: number): Problem {
  const lineEnd = text.indexOf('\n');
  return { start: 0, end: lineEnd < 0 ? Math.min(text.length, 200) : Math.min(lineEnd, 200), message: overflow.message('document', shown) };
}

/** 79500 → "79,500", without toLocaleString, whose first call loads locale data (0.2 s). */
export function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
