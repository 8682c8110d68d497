/**
 * Helm / Go-template tolerance.
 *
 * A chart template such as
 *
 *     {{- if .Values.enabled }}
 *     image: {{ .Values.image | quote }}
 *     {{- end }}
 *
 * is not YAML until it is rendered. Rather than giving up on the whole file, we mask every
 * `{{ … }}` action with characters of the same length before parsing, so that offsets stay
 * exact and the rest of the document is still checked. A line that holds nothing but actions
 * becomes a comment; an action inside a value becomes a run of `_`, and its range is recorded
 * so that rules can skip values and sections a template produces.
 */

export interface TemplateMask {
  /** The text with every action masked; same length as the input. */
  readonly text: string;
  /** [start, end) offsets of the masked actions. */
  readonly ranges: readonly (readonly [number, number])[];
}

/**
 * An action ends on the line it starts on; only template comments (`{{/* … *\/}}`, also with
 * `{{- `) may span lines. Pairing a stray `{{` with a `}}` lines later would blank out real YAML.
 */
const ACTION = /\{\{-?\s*\/\*[\s\S]*?\*\/\s*-?\}\}|\{\{[^\n]*?\}\}/g;

/** Masks template actions; returns undefined when the text holds none (the common case). */
export function maskTemplates(text: string): TemplateMask | undefined {
  if (!text.includes('{{')) return undefined;
  const ranges: [number, number][] = [];
  const chars = text.split('');
  for (const match of text.matchAll(ACTION)) {
    const start = match.index;
    const end = start + match[0].length;
    ranges.push([start, end]);
    for (let i = start; i < end; i++) {
      if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = '_';
    }
  }
  if (ranges.length === 0) return undefined;
  commentOutActionOnlyLines(chars, text, ranges);
  return { text: chars.join(''), ranges };
}

/** Lines whose only content is template actions (control flow, includes) become comments. */
function commentOutActionOnlyLines(chars: string[], original: string, ranges: readonly (readonly [number, number])[]): void {
  let lineStart = 0;
  let r = 0;
  while (lineStart <= original.length) {
    let lineEnd = original.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = original.length;
    while (r < ranges.length && ranges[r]![1] <= lineStart) r++;
    if (lineIsOnlyActions(original, lineStart, lineEnd, ranges, r)) {
      const first = firstNonSpace(original, lineStart, lineEnd);
      if (first >= 0) chars[first] = '#';
    }
    lineStart = lineEnd + 1;
  }
}

function lineIsOnlyActions(
  text: string,
  start: number,
  end: number,
  ranges: readonly (readonly [number, number])[],
  from: number,
): boolean {
  let sawAction = false;
  let i = start;
  let r = from;
  while (i < end) {
    const range = ranges[r];
    if (range && range[0] <= i && i < range[1]) {
      sawAction = true;
      i = range[1];
      r++;
      continue;
    }
    const c = text[i];
    if (c !== ' ' && c !== '\t' && c !== '\r') return false;
    i++;
  }
  return sawAction;
}

function firstNonSpace(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c !== ' ' && c !== '\t') return i;
  }
  return -1;
}

/** True when [start, end) overlaps a masked action. */
export function touchesTemplate(mask: TemplateMask | undefined, start: number, end: number): boolean {
  if (!mask) return false;
  for (const [s, e] of mask.ranges) {
    if (s < end && start < e) return true;
    if (s >= end) break;
  }
  return false;
}
