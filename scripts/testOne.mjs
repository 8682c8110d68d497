// Runs some test files without touching out/test: bundles them into a private temporary folder
// and runs node's test runner there. For working on a few tests while others run the suite.
//   node scripts/testOne.mjs test/unit/model.test.ts [more.test.ts …]
import * as esbuild from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, basename } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node scripts/testOne.mjs <test files…>');
  process.exit(2);
}
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// Inside the repository so that tests resolving paths from their own location still work.
const outdir = mkdtempSync(join(root, 'out', 'one-'));
const outfiles = [];
for (const file of files) {
  const outfile = join(outdir, basename(file).replace(/\.ts$/, '.cjs'));
  await esbuild.build({
    entryPoints: [file],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: 'inline',
    absWorkingDir: root,
    mainFields: ['module', 'main'],
    define: { SERVER_VERSION: JSON.stringify(pkg.version), CLI_VERSION: JSON.stringify(pkg.version) },
    logLevel: 'warning',
  });
  outfiles.push(outfile);
}
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...outfiles], { stdio: 'inherit', cwd: root });
rmSync(outdir, { recursive: true, force: true });
process.exit(result.status ?? 1);
