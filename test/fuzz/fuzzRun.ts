/**
 * The fuzz loop shared by the unit test (a few thousand cases) and `npm run fuzz` (long runs):
 * picks a seed text from ../shared/corpus or the benchmark generator, mutates it and runs one
 * case. Case n uses seed `seed + n`, so any failure is replayed with `--seed <s> --cases 1`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/lspClient';
import { SHARED_DIR } from '../support/shared';
import { generateManifest, int, prng } from '../bench/manifests';
import { mutate } from './mutate';
import { runCase, type CaseFailure } from './fuzzCase';

export const CORPUS_DIR = path.join(SHARED_DIR, 'corpus');

export interface FuzzFailure extends CaseFailure {
  readonly seed: number;
  readonly mutations: readonly string[];
  readonly input: string;
}

/** Every .yaml/.yml file under the corpus; a missing corpus is an error, never a silent pass. */
export function loadCorpus(dir = CORPUS_DIR): string[] {
  if (!fs.existsSync(dir)) {
    throw new Error(`fuzz corpus not found at ${dir}: it is expected next to the repository, at <repo>/../shared/corpus`);
  }
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(e.name)) out.push(fs.readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  if (out.length === 0) throw new Error(`fuzz corpus at ${dir} holds no .yaml files`);
  return out;
}

/**
 * Manifests that ship with the repository (examples, conversion fixtures, the extension-host
 * workspace) and a few generated bundles: seeds for `npm test`, which reads nothing outside it.
 */
export function repoSeeds(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(e.name)) out.push(fs.readFileSync(full, 'utf8'));
    }
  };
  for (const dir of ['examples', 'test/fixtures', 'test/vscode/workspace']) walk(path.join(REPO_ROOT, dir));
  for (let i = 1; i <= 4; i++) out.push(generateManifest(i * 3, 100 + i));
  return out;
}

export function fuzz(cases: number, seed: number, onProgress?: (done: number) => void, corpus: readonly string[] = loadCorpus()): FuzzFailure[] {
  const failures: FuzzFailure[] = [];
  for (let n = 0; n < cases; n++) {
    const caseSeed = seed + n;
    const random = prng(caseSeed);
    const base = random() < 0.7 ? corpus[int(random, 0, corpus.length - 1)]! : generateManifest(int(random, 1, 3), caseSeed);
    const { text, applied } = mutate(base, random);
    for (const f of runCase(base, text, random)) failures.push({ ...f, seed: caseSeed, mutations: applied, input: text });
    if (onProgress && n % 500 === 499) onProgress(n + 1);
  }
  return failures;
}

/** One line per failure, with what is needed to replay it. */
export function describeFailure(f: FuzzFailure): string {
  const excerpt = f.input.length > 400 ? `${f.input.slice(0, 400)}…` : f.input;
  return `seed ${f.seed} [${f.mutations.join(', ')}] ${f.feature}: ${f.detail.split('\n').slice(0, 4).join(' | ')}\n--- input ---\n${excerpt}`;
}
