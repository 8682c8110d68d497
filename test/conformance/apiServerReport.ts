/**
 * `node scripts/conformance.mjs [--all] [--text] [--new] [pattern…]`: the API-server conformance
 * figures (as apiServer.test.ts prints them), then the cases whose path or class matches a pattern
 * (a regular expression) in detail: the server's errors, our Errors, our other findings. Without
 * --all only the failing cases are shown; --new shows only failures not yet listed in
 * apiServerKnown.json; --text adds the numbered text of each case.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sharedPath } from '../support/shared';
import { describeCase, failuresOf, loadVerdicts, report, runCase, skipped, type DocResult } from './apiServerSuite';

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const patterns = args.filter((a) => !a.startsWith('--')).map((p) => new RegExp(p));
const known = new Set((JSON.parse(readFileSync(path.join(__dirname, '..', 'test', 'conformance', 'apiServerKnown.json'), 'utf8')) as { failures: string[] }).failures);

const dir = sharedPath('apiserver');
const verdicts = loadVerdicts(dir);
const results: DocResult[] = [];
const details: string[] = [];
for (const [casePath, verdict] of Object.entries(verdicts)) {
  if (skipped(verdict)) continue;
  const run = runCase(dir, casePath, verdict);
  results.push(...run.docs);
  if (patterns.length > 0 && !patterns.some((p) => p.test(casePath) || p.test(verdict.class))) continue;
  const failures = run.docs.flatMap(failuresOf).filter((f) => !flags.has('--new') || !known.has(f));
  if (failures.length > 0 || flags.has('--all')) details.push(describeCase(casePath, verdict, run, flags.has('--text')));
}
console.log(report(results));
if (patterns.length > 0 || flags.size > 0) console.log(`\n${details.length} case(s)\n${details.join('\n')}`);
