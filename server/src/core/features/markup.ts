/**
 * Hover and completion text is written once, as Markdown, and turned into plain text for clients
 * that cannot render Markdown (no backticks, no link syntax, no command links).
 *
 * Text that comes from a document is data, never markup: a manifest from a stranger must not
 * make the editor fetch an image, show a link or run a command when it is merely hovered. Every
 * piece of document text enters our Markdown through `code`, as an inline code span, where
 * nothing is interpreted; links are only ever built from our own values.
 *
 *   cpu: "1`![x](https://attacker/p.png)`"   →   **`` 1`![x](https://attacker/p.png)` ``** is not a valid quantity
 */
import { MarkupKind, type MarkupContent } from 'vscode-languageserver-types';
import { shorten } from '../rules/util/quote';

export function markup(markdown: string, asMarkdown: boolean): MarkupContent {
  return asMarkdown ? { kind: MarkupKind.Markdown, value: markdown } : { kind: MarkupKind.PlainText, value: toPlainText(markdown) };
}

/**
 * Document text as an inline code span, shortened to `max` characters. The fence is one backtick
 * longer than the longest run inside (CommonMark closes a span only on a run of the same length),
 * padded with a space when the text starts or ends with a backtick or a space, and line breaks
 * and other control characters are shown as visible symbols, since a blank line would end the
 * paragraph — and the span with it — before its closing fence.
 */
export function code(value: string | number, max = 80): string {
  const text = visibleControls(shorten(String(value), max));
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  if (text === '') return `${fence} ${fence}`;
  const pad = /^[`\s]|[`\s]$/.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Line breaks, tabs and other C0/C1 control characters as the Unicode "control picture" or an escape. */
function visibleControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    const n = c.charCodeAt(0);
    if (n === 0x0a) return '↵';
    if (n < 0x20) return String.fromCharCode(0x2400 + n);
    return n === 0x7f ? '\u2421' : `\\u${n.toString(16).padStart(4, '0')}`;
  });
}

/**
 * Markdown to plain text: code spans keep their content as it is; outside them, command links are
 * dropped, other links become "text: target", emphasis and headings lose their marks and
 * backslash escapes are undone.
 */
export function toPlainText(markdown: string): string {
  let out = '';
  let rest = markdown;
  for (;;) {
    const span = nextCodeSpan(rest);
    if (!span) break;
    out += plainOutsideCode(rest.slice(0, span.start)) + span.content;
    rest = rest.slice(span.end);
  }
  out += plainOutsideCode(rest);
  return out.replace(/\n{3,}/g, '\n\n').trim();
}

/** The first CommonMark code span: a backtick run closed by the next run of the same length. */
function nextCodeSpan(text: string): { start: number; end: number; content: string } | undefined {
  const runs = /(?<!\\)`+/g;
  for (let open = runs.exec(text); open; open = runs.exec(text)) {
    const fence = open[0];
    const closer = new RegExp(`(?<!\`)${fence}(?!\`)`, 'g');
    closer.lastIndex = open.index + fence.length;
    const close = closer.exec(text);
    if (!close) continue;
    let content = text.slice(open.index + fence.length, close.index);
    if (content.length >= 2 && content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '') content = content.slice(1, -1);
    return { start: open.index, end: close.index + fence.length, content };
  }
  return undefined;
}

function plainOutsideCode(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\(command:[^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1: $2')
    .replace(/(?<!\\)\*\*/g, '')
    .replace(/(^|[^*\\])\*([^*\n]+)\*/g, '$1$2')
    .replace(/^#+ /gm, '')
    .replace(/^---$/gm, '')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
