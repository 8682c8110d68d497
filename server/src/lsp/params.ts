/**
 * Checks of the request parameters the handlers read. Editors other than VS Code talk to this
 * server over stdio, and a request missing a position or a document is their bug, not ours: it
 * is answered "invalid params" with what was wrong (ServerHost.guard), instead of an internal
 * error from deep inside a feature, and nothing is logged as a failure.
 */
import type { Position, Range } from 'vscode-languageserver';
import { WORKLOAD_KINDS, isWorkloadKind, type WorkloadKind } from '../core/parse/parseFile';

export class InvalidParamsError extends Error {}

/**
 * The request was about a version of the document that is gone (a code action resolved after an
 * edit): answered "content modified", which clients drop without a message, and not logged.
 */
export class ContentModifiedError extends Error {}

/** `params.textDocument.uri` of a textDocument/* request. */
export function documentUri(params: unknown): string {
  const uri = (params as { textDocument?: { uri?: unknown } } | null | undefined)?.textDocument?.uri;
  if (typeof uri !== 'string') throw new InvalidParamsError('textDocument.uri must be a string');
  return uri;
}

/** `params.uri` of the extension's own requests. */
export function plainUri(params: unknown): string {
  const uri = (params as { uri?: unknown } | null | undefined)?.uri;
  if (typeof uri !== 'string') throw new InvalidParamsError('uri must be a string');
  return uri;
}

/** A position: `{ line, character }`, both integers ≥ 0. `name` says where it was read. */
export function position(value: unknown, name = 'position'): Position {
  const p = value as { line?: unknown; character?: unknown } | null | undefined;
  if (!p || !isCount(p.line) || !isCount(p.character)) throw new InvalidParamsError(`${name} must be { line, character } with integers ≥ 0`);
  return { line: p.line, character: p.character };
}

/** A range: `{ start, end }`, two positions. */
export function range(value: unknown, name = 'range'): Range {
  const r = value as { start?: unknown; end?: unknown } | null | undefined;
  return { start: position(r?.start, `${name}.start`), end: position(r?.end, `${name}.end`) };
}

function isCount(n: unknown): n is number {
  return Number.isInteger(n) && (n as number) >= 0;
}

/** `targetKind` of kubeWorkloads/convert: one of the four workload kinds, spelt as in `kind:`. */
export function workloadKind(value: unknown, name = 'targetKind'): WorkloadKind {
  if (isWorkloadKind(value)) return value;
  const got = value === undefined ? 'it is missing' : `got ${JSON.stringify(value)}`;
  throw new InvalidParamsError(`${name} must be one of ${WORKLOAD_KINDS.join(', ')} (${got})`);
}

/** An optional count (`replicas`): absent, or an integer ≥ 0. */
export function optionalCount(value: unknown, name: string): number | undefined {
  if (value == null) return undefined;
  if (!isCount(value)) throw new InvalidParamsError(`${name} must be an integer ≥ 0 when given`);
  return value;
}
