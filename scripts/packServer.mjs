// Builds and packs the npm package kube-workloads-language-server (packages/language-server/):
// the production server, CLI and MCP bundles with the rule pages, staged in out/server-package/
// with the version of the repository's package.json, then `npm pack` into out/. Prints the
// tarball's path on the last line (CI installs it with `npm i -g`).
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NODE_BUNDLE, ROOT } from './nodeBundle.mjs';

const stage = join(ROOT, 'out', 'server-package');
rmSync(stage, { recursive: true, force: true });
mkdirSync(join(stage, 'dist'), { recursive: true });
const source = join(ROOT, 'packages', 'language-server');
const options = { ...NODE_BUNDLE, minify: true, legalComments: 'none', sourcemap: false };
await Promise.all([
  esbuild.build({ ...options, entryPoints: ['server/src/main.ts'], outfile: join(stage, 'dist', 'server.js') }),
  esbuild.build({ ...options, entryPoints: ['server/src/cli.ts'], outfile: join(stage, 'dist', 'cli.js'), banner: { js: '#!/usr/bin/env node' }, external: ['./mcp.js'] }),
  esbuild.build({ ...options, entryPoints: ['server/src/mcp/mcpServer.ts'], outfile: join(stage, 'dist', 'mcp.js') }),
]);
cpSync(join(source, 'bin'), join(stage, 'bin'), { recursive: true });
cpSync(join(source, 'README.md'), join(stage, 'README.md'));
cpSync(join(ROOT, 'LICENSE'), join(stage, 'LICENSE'));
cpSync(join(ROOT, 'docs', 'rules'), join(stage, 'docs', 'rules'), { recursive: true });
const manifest = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
manifest.version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', join(ROOT, 'out')], { cwd: stage, encoding: 'utf8' }));
console.log(`${packed.name}@${packed.version}: ${packed.entryCount} files, ${(packed.size / 1024).toFixed(0)} KB packed, ${(packed.unpackedSize / 1024).toFixed(0)} KB unpacked`);
console.log(join(ROOT, 'out', packed.filename));
