/**
 * Seeded mutations of YAML text for the fuzzer: the damage editors see mid-typing and files
 * see in the wild. Each mutation is a pure function of the text and the PRNG, so a failing case
 * is reproduced from its seed alone.
 */
import { int, pick, type Random } from '../bench/manifests';

type Mutation = (text: string, random: Random) => string;

function splitLines(text: string): string[] {
  return text.split('\n');
}

const deleteLines: Mutation = (text, random) => {
  const ls = splitLines(text);
  ls.splice(int(random, 0, ls.length - 1), int(random, 1, 4));
  return ls.join('\n');
};

const duplicateLines: Mutation = (text, random) => {
  const ls = splitLines(text);
  const at = int(random, 0, ls.length - 1);
  ls.splice(at, 0, ...ls.slice(at, at + int(random, 1, 5)));
  return ls.join('\n');
};

const shiftIndent: Mutation = (text, random) => {
  const ls = splitLines(text);
  const at = int(random, 0, ls.length - 1);
  const by = int(random, -3, 3);
  for (let i = at; i < Math.min(ls.length, at + int(random, 1, 6)); i++) {
    ls[i] = by >= 0 ? ' '.repeat(by) + ls[i] : ls[i]!.replace(new RegExp(`^ {0,${-by}}`), '');
  }
  return ls.join('\n');
};

const injectTab: Mutation = (text, random) => {
  const at = int(random, 0, text.length);
  return text.slice(0, at) + '\t' + text.slice(at);
};

/** Random characters, including NUL, a lone surrogate, U+FFFD and YAML indicators. */
const injectBytes: Mutation = (text, random) => {
  const pool = ['\u0000', '\ud800', '\ufffd', '\u00ff', ':', '-', '{', '[', ']', '}', '"', "'", '&a', '*a', '!!', '|', '>', '#', '%', '@', '`', '\r', '{{', '}}'];
  const at = int(random, 0, text.length);
  let junk = '';
  for (let n = int(random, 1, 6); n > 0; n--) junk += pick(random, pool);
  return text.slice(0, at) + junk + text.slice(at);
};

const truncate: Mutation = (text, random) => text.slice(0, int(random, 0, text.length));

/** Replaces a scalar value with one of another type (number ↔ string ↔ map ↔ list ↔ null). */
const flipValueType: Mutation = (text, random) => {
  const values = [...text.matchAll(/: ([^\n#]+)/g)];
  if (values.length === 0) return text;
  const m = pick(random, values);
  const replacement = pick(random, ['"3"', '3', '-1', 'true', 'null', '~', '{}', '[]', '[a, 1]', '{a: b}', '1e999', '0x1F', '"x"', '']);
  const start = m.index! + 2;
  return text.slice(0, start) + replacement + text.slice(start + m[1]!.length);
};

/** Moves a whole line (often a `---` or a key) somewhere else. */
const moveLine: Mutation = (text, random) => {
  const ls = splitLines(text);
  const [line] = ls.splice(int(random, 0, ls.length - 1), 1);
  ls.splice(int(random, 0, ls.length), 0, line ?? '');
  return ls.join('\n');
};

export const MUTATIONS: Readonly<Record<string, Mutation>> = {
  deleteLines,
  duplicateLines,
  shiftIndent,
  injectTab,
  injectBytes,
  truncate,
  flipValueType,
  moveLine,
};

/** Applies one to three random mutations; answers the text and the names applied. */
export function mutate(text: string, random: Random): { text: string; applied: string[] } {
  const names = Object.keys(MUTATIONS);
  const applied: string[] = [];
  let out = text;
  for (let n = int(random, 1, 3); n > 0; n--) {
    const name = pick(random, names);
    applied.push(name);
    out = MUTATIONS[name]!(out, random);
  }
  return { text: out, applied };
}
