/**
 * Helpers for writing YAML in tests with explicit indentation, and a cursor marker that cannot
 * be confused with YAML syntax.
 */

/** Joins lines with "\n" and adds the final newline. */
export function lines(...ls: string[]): string {
  return ls.join('\n') + '\n';
}

/** The cursor marker for hover and completion tests. */
export const CURSOR = '<|>';

/** Removes the cursor marker and returns the text and the marker's offset. */
export function withCursor(text: string): { text: string; offset: number } {
  const offset = text.indexOf(CURSOR);
  if (offset < 0) throw new Error('test text has no cursor marker');
  return { text: text.slice(0, offset) + text.slice(offset + CURSOR.length), offset };
}
