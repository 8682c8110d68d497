// One set of esbuild options for every Node bundle the scripts make (tests, fuzzer, benchmark),
// so they resolve packages exactly as the shipped server bundle does.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('..', import.meta.url).pathname;

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** Options shared by the Node bundles; callers add entry points and output. */
export const NODE_BUNDLE = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  absWorkingDir: ROOT,
  // vscode-languageserver picks its node entry through this field.
  mainFields: ['module', 'main'],
  define: { SERVER_VERSION: JSON.stringify(pkg.version), CLI_VERSION: JSON.stringify(pkg.version) },
  // yaml's ES module build (the same sources as its CommonJS one, which its exports map gives
  // to Node). Bundled from CommonJS, every \`isScalar\`, \`isMap\` … call went through esbuild's
  // interop getter, the largest single cost in the rules (about a tenth of them at 1,000
  // documents); from ES modules the calls are direct.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
  logLevel: 'warning',
};

/** Bundles one TypeScript entry into `outfile` (with inline source maps) and runs it with Node. */
export async function bundleAndRun(entry, outfile, args = [], nodeArgs = []) {
  await esbuild.build({ ...NODE_BUNDLE, entryPoints: [join(ROOT, entry)], outfile, sourcemap: 'inline' });
  const result = spawnSync(process.execPath, [...nodeArgs, outfile, ...args], { stdio: 'inherit', cwd: ROOT });
  return result.status ?? 1;
}
