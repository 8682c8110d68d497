// Long fuzz runs: bundles test/fuzz/fuzzMain.ts into out/fuzz/ and runs it.
//   npm run fuzz -- --cases 100000 --seed 7      (defaults: 20,000 cases, a seed from the clock)
//   npm run fuzz -- --seed 20262223 --cases 1    (replays one failing case)
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const outfile = join(root, 'out', 'fuzz', 'fuzzMain.cjs');
await esbuild.build({
  entryPoints: [join(root, 'test/fuzz/fuzzMain.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  absWorkingDir: root,
  mainFields: ['module', 'main'],
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(result.status ?? 1);
