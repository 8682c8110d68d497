/**
 * The text a key completion inserts. With snippets, an object or map opens an indented line and a
 * list opens a `- ` item under the key; an enum offers its values as a choice:
 *
 *   selector:            containers:          type: ${1|Recreate,RollingUpdate|}
 *     $0                   - $0
 *
 * Nested lines carry the absolute indentation (the key's column plus two) and are sent with
 * insertTextMode asIs, so no client re-indents them. In a flow mapping everything stays on one line.
 */
import { parseTypeExpr, type FieldDef } from '../model/model';
import type { CompletionSite } from './completionSite';

export interface Snippet {
  readonly text: string;
  readonly isSnippet: boolean;
  readonly multiline: boolean;
}

export function snippetFor(name: string, field: FieldDef, site: CompletionSite, snippets: boolean): Snippet {
  const shape = parseTypeExpr(field.type).kind;
  const nested = shape === 'ref' || shape === 'map' || (shape === 'object' && field.type === 'object');
  if (site.flow) return flowSnippet(name, field, shape, nested, snippets);
  const indent = ' '.repeat(site.column + 2);
  if (nested) return make(`${name}:\n${indent}$0`, snippets, true);
  if (shape === 'array') return make(`${name}:\n${indent}- $0`, snippets, true);
  if (field.enum?.length && snippets) return make(`${name}: \${1|${choices(field.enum)}|}`, true, false);
  return make(`${name}: $0`, snippets, false);
}

function flowSnippet(name: string, field: FieldDef, shape: string, nested: boolean, snippets: boolean): Snippet {
  if (nested) return make(`${name}: {$0}`, snippets, false);
  if (shape === 'array') return make(`${name}: [$0]`, snippets, false);
  if (field.enum?.length && snippets) return make(`${name}: \${1|${choices(field.enum)}|}`, true, false);
  return make(`${name}: $0`, snippets, false);
}

function choices(values: readonly string[]): string {
  return values.filter((v) => v !== '').map((v) => v.replace(/[\\|,$}]/g, (c) => `\\${c}`)).join(',');
}

/**
 * Without snippet support the tab stop is dropped and only the key's own line is inserted
 * (`livenessProbe:`): a client that cannot place the cursor on the next line is left at the end
 * of the key, and some turn a newline in plain text into a NUL byte (Neovim 0.7).
 */
function make(text: string, snippets: boolean, multiline: boolean): Snippet {
  if (snippets) return { text, isSnippet: true, multiline };
  return { text: multiline ? text.slice(0, text.indexOf('\n')) : text.replace('$0', ''), isSnippet: false, multiline: false };
}
