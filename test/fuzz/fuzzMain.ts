/**
 * `npm run fuzz`: a long fuzz run with a case count and a seed, printing each distinct failure
 * once with the seed that replays it, and the time spent per feature.
 */
import { describeFailure, fuzz, type FuzzFailure } from './fuzzRun';
import { FEATURE_MS } from './fuzzCase';

function arg(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const cases = Number(arg('--cases') ?? 20000);
const seed = Number(arg('--seed') ?? Date.now() % 1_000_000_000);
console.log(`fuzz: ${cases} case(s) from seed ${seed}`);
const t0 = Date.now();
const failures = fuzz(cases, seed, (done) => process.stderr.write(`  ${done} cases, ${((Date.now() - t0) / 1000).toFixed(0)} s\n`));
const distinct = new Map<string, FuzzFailure>();
for (const f of failures) {
  const key = `${f.feature.replace(/"[^"]*"/, '"…"')}: ${f.detail.split('\n')[0]}`;
  const seen = distinct.get(key);
  if (!seen || f.input.length < seen.input.length) distinct.set(key, f);
}
for (const f of distinct.values()) console.log(`\n${describeFailure(f)}`);
const spent = [...FEATURE_MS].sort((a, b) => b[1] - a[1]).map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`);
console.log(`\n${cases} case(s) in ${((Date.now() - t0) / 1000).toFixed(1)} s; time per feature: ${spent.join(', ')}`);
console.log(`${failures.length} failure(s), ${distinct.size} distinct (smallest input shown for each)`);
process.exit(failures.length ? 1 : 0);
