/**
 * The rule catalogue: every rule the analyser runs, in one list. Each rule lives in its own file
 * and has a page at docs/rules/<id>.md. The two halves are listed in catalogs of their own.
 */
import type { DocumentRule, FileRule, Rule } from './ruleTypes';
import { CORRECTNESS_RULES } from './correctnessCatalog';
import { BEST_PRACTICE_RULES } from './bestPracticeCatalog';

export const ALL_RULES: readonly Rule[] = [...CORRECTNESS_RULES, ...BEST_PRACTICE_RULES];

export const DOCUMENT_RULES: readonly DocumentRule[] = ALL_RULES.filter((r): r is DocumentRule => r.scope === 'document');
export const FILE_RULES: readonly FileRule[] = ALL_RULES.filter((r): r is FileRule => r.scope === 'file');
export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(ALL_RULES.map((r) => [r.id, r]));
