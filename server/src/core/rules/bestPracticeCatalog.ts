/**
 * Best-practice rules (reliability and security hygiene): configurable, never what the API
 * server enforces.
 */
import type { Rule } from './ruleTypes';

export const BEST_PRACTICE_RULES: readonly Rule[] = [];
