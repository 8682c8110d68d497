/**
 * yaml-syntax: the parser's own errors, on their exact range.
 *
 *     spec:
 *       replicas: 3
 *      selector:        # ← "All mapping items must start at the same column"
 *
 * Reported in every document of a Kubernetes file, so that a broken document is visible while
 * the valid documents around it are still analysed in full.
 */
import type { FileRule } from './ruleTypes';

export const yamlSyntax: FileRule = {
  id: 'yaml-syntax',
  scope: 'file',
  category: 'yaml',
  defaultSeverity: 'error',
  description: 'The document is not valid YAML.',
  check(ctx) {
    for (const slot of ctx.file.docs) {
      for (const p of slot.parsed.problems) {
        ctx.report(slot.index, {
          start: p.start,
          end: Math.max(p.end, p.start + 1),
          message: p.message,
          severity: p.severity === 'warning' ? 'warning' : 'error',
          data: { yamlCode: p.code },
        });
      }
    }
  },
};
