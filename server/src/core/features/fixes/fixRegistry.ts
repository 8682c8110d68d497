/**
 * Every quick-fix provider by rule id, gathered from the groups (schema, API server, best
 * practice). A rule without an entry has no unambiguous fix.
 */
import { API_FIXES } from './apiFixes';
import { BEST_PRACTICE_FIXES } from './bestPracticeFixes';
import type { FixProvider } from './fixTypes';
import { SCHEMA_FIXES } from './schemaFixes';

export const FIXES: Readonly<Record<string, FixProvider>> = { ...SCHEMA_FIXES, ...API_FIXES, ...BEST_PRACTICE_FIXES };
