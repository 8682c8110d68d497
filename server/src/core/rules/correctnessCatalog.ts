/**
 * Rules about what the API server (or the YAML parser) would reject: syntax, schema, API-server
 * validation, fields of another kind, removed apiVersions, cross-document links.
 */
import type { Rule } from './ruleTypes';
import { yamlSyntax } from './yamlSyntax';

export const CORRECTNESS_RULES: readonly Rule[] = [yamlSyntax];
