// Runs some test files without touching out/test: bundles them into a private temporary folder
// and runs node's test runner there. For working on a few tests while others run the suite.
//   node scripts/testOne.mjs test/unit/model.test.ts [more.test.ts …]
import * as esbuild from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, basename } from 'node:path';
import { spawnSync } from 'node:child_process';
import { NODE_BUNDLE, ROOT } from './nodeBundle.mjs';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node scripts/testOne.mjs <test files…>');
  process.exit(2);
}
// Inside the repository so that tests resolving paths from their own location still work.
mkdirSync(join(ROOT, 'out'), { recursive: true });
const outdir = mkdtempSync(join(ROOT, 'out', 'one-'));
const outfiles = files.map((file) => join(outdir, basename(file).replace(/\.ts$/, '.cjs')));
await Promise.all(
  files.map((file, i) =>
    esbuild.build({ ...NODE_BUNDLE, entryPoints: [file], outfile: outfiles[i], external: ['vscode'], sourcemap: 'inline' }),
  ),
);
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...outfiles], { stdio: 'inherit', cwd: ROOT });
rmSync(outdir, { recursive: true, force: true });
process.exit(result.status ?? 1);
