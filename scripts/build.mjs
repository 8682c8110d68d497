// Bundles the extension, the language server, the CLI and the webview with esbuild, and, with
// --tests, every test/{unit,protocol}/**/*.test.ts into out/test/ so node's test runner can run
// them; --conformance, test/conformance/ (which reads ../shared) into out/conformance/.
import * as esbuild from 'esbuild';
import { readdirSync, existsSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { NODE_BUNDLE, ROOT as root } from './nodeBundle.mjs';

const production = process.argv.includes('--production');
const withTests = process.argv.includes('--tests');
const withConformance = process.argv.includes('--conformance');

const node = {
  ...NODE_BUNDLE,
  sourcemap: production ? false : 'linked',
  minify: production,
  legalComments: 'none',
};

// Every client module does `import * as vscode from 'vscode'`; bundled as is, each one copies the
// whole API object into a namespace of its own (esbuild's __toESM) while dist/extension.js
// evaluates, about half a millisecond apiece and on activation's critical path. Routing the imports
// through one module that re-exports 'vscode' makes that one copy.
const oneVscodeNamespace = {
  name: 'one-vscode-namespace',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-api' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-api' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-api' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

const builds = [
  // The language client library is its own bundle, loaded after activation (see languageClient.ts).
  { ...node, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['./lspClientModule.js'], plugins: [oneVscodeNamespace] },
  { ...node, entryPoints: ['client/src/lspClientModule.ts'], outfile: 'dist/lspClientModule.js', external: ['vscode'] },
  { ...node, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' },
  { ...node, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, external: ['./mcp.js'] },
  // `kube-workloads mcp` (the MCP SDK and zod), loaded by the CLI for that subcommand only.
  { ...node, entryPoints: ['server/src/mcp/mcpServer.ts'], outfile: 'dist/mcp.js' },
];
if (existsSync(join(root, 'client/webview/main.ts'))) {
  builds.push({
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    entryPoints: ['client/webview/main.ts'],
    outfile: 'dist/webview.js',
    minify: production,
    sourcemap: production ? false : 'linked',
    absWorkingDir: root,
    logLevel: 'warning',
  });
}

function findTests(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return findTests(full);
    return e.name.endsWith('.test.ts') ? [relative(root, full)] : [];
  });
}

// Bundles every *.test.ts under test/<dirs>/ into out/<outName>/ for node's test runner.
function addTests(dirs, outName) {
  rmSync(join(root, 'out', outName), { recursive: true, force: true });
  const entries = dirs.flatMap((d) => findTests(join(root, 'test', d)));
  if (!entries.length) return;
  builds.push({
    ...node,
    entryPoints: entries,
    outdir: join('out', outName),
    outbase: 'test',
    outExtension: { '.js': '.cjs' },
    entryNames: '[dir]/[name]',
    external: ['vscode'],
    sourcemap: 'inline',
  });
}
// `npm test` needs nothing outside the repository; the conformance tests read ../shared.
if (withTests) addTests(['unit', 'protocol'], 'test');
if (withConformance) addTests(['conformance'], 'conformance');

const started = Date.now();
await Promise.all(builds.map((b) => esbuild.build(b)));
console.log(`built ${builds.length} bundle(s) in ${Date.now() - started} ms${production ? ' (production)' : ''}`);
