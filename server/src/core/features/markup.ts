/**
 * Hover and completion text is written once, as Markdown, and turned into plain text for clients
 * that cannot render Markdown (no backticks, no link syntax, no command links).
 */
import { MarkupKind, type MarkupContent } from 'vscode-languageserver-types';

export function markup(markdown: string, asMarkdown: boolean): MarkupContent {
  return asMarkdown ? { kind: MarkupKind.Markdown, value: markdown } : { kind: MarkupKind.PlainText, value: toPlainText(markdown) };
}

export function toPlainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\(command:[^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1: $2')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[^*])\*([^*\n]+)\*/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/^#+ /gm, '')
    .replace(/^---$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Escapes user text placed into Markdown so it cannot form links or emphasis. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>]/g, (c) => `\\${c}`);
}
