// Bundles the extension-host suite (test/vscode/suite/*.ts) into out/vscode-test/, one CommonJS
// file per test file plus index.js, which exports the `run()` VS Code calls. `vscode` comes from
// the extension host and mocha from node_modules at run time, so neither is bundled.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './paths.mjs';

export const suiteOutDir = join(root, 'out', 'vscode-test');

export async function buildSuite() {
  const suiteDir = join(root, 'test', 'vscode', 'suite');
  const entryPoints = readdirSync(suiteDir)
    .filter((name) => name === 'index.ts' || name.endsWith('.test.ts'))
    .map((name) => join(suiteDir, name));
  rmSync(suiteOutDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir: suiteOutDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
    absWorkingDir: root,
  });
  return suiteOutDir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  await buildSuite();
  console.log(`built the extension-host suite into ${suiteOutDir} in ${Date.now() - started} ms`);
}
