/**
 * Values from a document, quoted in messages and hovers, are shortened here and nowhere else: a
 * 2 MB annotation quoted in full made one message of 2 MB, repeated in every place it is shown.
 *
 *   quote('x'.repeat(5000))  →  "xxxxxxxxxx…xxxxxxxxxx" (5,000 characters)
 */

/** At most `max` characters: the start and the end of a longer text, and its length. */
export function shorten(text: string, max = 80): string {
  if (text.length <= max) return text;
  const keep = Math.max(2, max - 20);
  const head = Math.ceil(keep * 0.6);
  return `${text.slice(0, head)}…${text.slice(text.length - (keep - head))} (${String(text.length).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} characters)`;
}

/** A document value in double quotes for a message, shortened. */
export function quote(value: unknown, max = 80): string {
  return `"${shorten(String(value), max)}"`;
}
