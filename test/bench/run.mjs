// Bundles test/bench/bench.ts with esbuild into out/bench/ and runs it against the built server.
// `npm run bench` builds dist/ first; arguments after `--` are passed on (--sizes, --runs).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const outfile = join(root, 'out', 'bench', 'bench.cjs');
await esbuild.build({
  entryPoints: [join(root, 'test/bench/bench.ts')],
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
const result = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(result.status ?? 1);
