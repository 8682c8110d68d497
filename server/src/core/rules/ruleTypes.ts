/**
 * The rule contract. A rule looks at one Kubernetes document of the kinds it names (or, for
 * cross-document rules, at facts gathered from every document of the file) and reports problems
 * with relative offsets.
 * Code actions dispatch on the rule id and read `data`, never the message text.
 */
import type { ParsedDocument, ParsedFile } from '../parse/parseFile';
import type { Settings, Severity, SeverityOrOff } from '../settings/settings';

export type RuleCategory =
  | 'yaml'
  | 'schema'
  | 'api-server'
  | 'kind-misuse'
  | 'api-version'
  | 'cross-document'
  | 'best-practice';

export interface RelatedInfo {
  /**
   * Index of the other document in the file, for cross-document rules. Omitted for a place in
   * the same document: document findings are cached with the parse and must not remember an
   * index that changes when a document is inserted above.
   */
  readonly docIndex?: number;
  /** Offsets relative to that document's segment. */
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

export interface Problem {
  /** Offsets relative to the document's segment. */
  readonly start: number;
  readonly end: number;
  readonly message: string;
  /** What a quick-fix needs (kept JSON-serialisable). */
  readonly data?: Readonly<Record<string, unknown>>;
  readonly related?: readonly RelatedInfo[];
  /** Overrides the rule's configured severity for this one finding (e.g. Information vs Warning). */
  readonly severity?: Severity;
}

export interface RuleContext {
  /** Findings are kept with the parse, so a rule sees the document, never where it sits in the file. */
  readonly doc: ParsedDocument;
  /** As written; "" when the document has none (only the apiVersion rules run then). */
  readonly kind: string;
  /** As written; "" when the document has none. */
  readonly apiVersion: string;
  readonly settings: Settings;
  report(problem: Problem): void;
}

export interface FileRuleContext {
  readonly file: ParsedFile;
  readonly settings: Settings;
  report(docIndex: number, problem: Problem): void;
}

interface RuleMeta {
  /** Stable kebab-case id; also the name of docs/rules/<id>.md. */
  readonly id: string;
  readonly category: RuleCategory;
  /** Severity under the `recommended` preset. */
  readonly defaultSeverity: SeverityOrOff;
  /** One line for the rule catalogue, SARIF and the CLI. */
  readonly description: string;
}

export interface DocumentRule extends RuleMeta {
  readonly scope: 'document';
  /**
   * Kinds the rule applies to: the four workload kinds when omitted, 'any' for rules about every
   * document (apiVersion and kind, the schema walk).
   */
  readonly kinds?: readonly string[] | 'any';
  check(ctx: RuleContext): void;
}

export interface FileRule extends RuleMeta {
  readonly scope: 'file';
  check(ctx: FileRuleContext): void;
}

export type Rule = DocumentRule | FileRule;
