/**
 * The rule catalogue: every rule the analyser runs, in one list. Each rule lives in its own file
 * and has a page at docs/rules/<id>.md.
 */
import type { DocumentRule, FileRule, Rule } from './ruleTypes';
import { yamlSyntax } from './yamlSyntax';

export const ALL_RULES: readonly Rule[] = [yamlSyntax];

export const DOCUMENT_RULES: readonly DocumentRule[] = ALL_RULES.filter((r): r is DocumentRule => r.scope === 'document');
export const FILE_RULES: readonly FileRule[] = ALL_RULES.filter((r): r is FileRule => r.scope === 'file');
export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(ALL_RULES.map((r) => [r.id, r]));
