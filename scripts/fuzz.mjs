// Long fuzz runs: bundles test/fuzz/fuzzMain.ts into out/fuzz/ and runs it.
//   npm run fuzz -- --cases 100000 --seed 7      (defaults: 20,000 cases, a seed from the clock)
//   npm run fuzz -- --seed 20262223 --cases 1    (replays one failing case)
import { join } from 'node:path';
import { ROOT, bundleAndRun } from './nodeBundle.mjs';

const outfile = join(ROOT, 'out', 'fuzz', 'fuzzMain.cjs');
process.exit(await bundleAndRun('test/fuzz/fuzzMain.ts', outfile, process.argv.slice(2), ['--enable-source-maps']));
