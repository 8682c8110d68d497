#!/usr/bin/env node
// CI's check of the README's `npm start`: runs it exactly as a newcomer does (`npm start` in the
// repository, PORT set to a free port so it cannot collide), waits for the URL it prints, fetches
// the page and checks it is VS Code's workbench on the scratch copy of examples/, then stops it
// with Ctrl+C's signal and checks that nothing it started is left running.
//   node scripts/vscode/checkStart.mjs [--timeout <seconds>]   (default 1500: a first run installs)
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './codeServer.mjs';
import { cacheDir, root } from './paths.mjs';

const timeoutAt = process.argv.indexOf('--timeout');
const timeoutMs = 1000 * Number(timeoutAt >= 0 ? process.argv[timeoutAt + 1] : 1500);
const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = (message) => console.log(`[check-start] ${message}`);
const startDir = join(cacheDir, 'start');

/** Processes whose command line names this checkout's npm start folder (code-server, extension host, language server). */
function leftovers() {
  const found = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
      if (args.includes(startDir) && Number(pid) !== process.pid) found.push(`${pid}: ${args.slice(0, 160)}`);
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

const before = leftovers();
if (before.length) {
  console.error(`[check-start] an npm start of this checkout is already running:\n${before.join('\n')}`);
  process.exit(1);
}

const port = await freePort();
// Its own process group, as a terminal's foreground job: Ctrl+C signals the whole group.
const child = spawn('npm', ['start'], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PORT: String(port) } });
let output = '';
const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
const url = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`no URL from npm start within ${timeoutMs / 1000} s`)), timeoutMs);
  const read = (chunk) => {
    process.stdout.write(chunk);
    output += String(chunk);
    const match = /http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+/.exec(output);
    if (match) {
      clearTimeout(timer);
      resolve(match[0]);
    }
  };
  child.stdout.on('data', read);
  child.stderr.on('data', (chunk) => process.stderr.write(chunk));
  void exited.then(({ code, signal }) => reject(new Error(`npm start ended (${signal ?? `exit code ${code}`}) before printing its URL`)));
}).catch(async (error) => {
  stop();
  await exited;
  console.error(`[check-start] ${error.message}`);
  process.exit(1);
});

function stop() {
  try {
    process.kill(-child.pid, 'SIGINT');
  } catch {
    // Already gone.
  }
}

const failures = [];
log(`npm start printed ${url} after ${seconds()}`);
if (!url.startsWith(`http://127.0.0.1:${port}/`)) failures.push(`the URL does not use PORT=${port}`);
const folder = decodeURIComponent(new URL(url).searchParams.get('folder') ?? '');
if (folder !== join(startDir, 'examples')) failures.push(`the folder is ${folder}, not the scratch copy ${join(startDir, 'examples')}`);
for (const name of readdirSync(join(root, 'examples'))) {
  if (readFileSync(join(root, 'examples', name), 'utf8') !== readFileSync(join(folder, name), 'utf8')) failures.push(`${name} in the scratch copy differs from examples/`);
}
const response = await fetch(url);
const page = await response.text();
log(`GET ${url}: ${response.status}, ${page.length} bytes`);
if (response.status !== 200) failures.push(`the page answered ${response.status}`);
if (!/workbench/i.test(page) || !/<html/i.test(page)) failures.push('the page is not VS Code\'s workbench');

stop();
const exit = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve(undefined), 20_000))]);
if (!exit) {
  failures.push('npm start did not end within 20 s of SIGINT');
  process.kill(-child.pid, 'SIGKILL');
}
// The extension host and the language server may take a moment after code-server exits.
let left = leftovers();
for (let i = 0; i < 50 && left.length; i++) {
  await new Promise((resolve) => setTimeout(resolve, 100));
  left = leftovers();
}
if (left.length) failures.push(`processes left running after npm start ended:\n${left.join('\n')}`);

if (failures.length) {
  console.error(`[check-start] FAILED:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
log(`npm start served VS Code on the scratch examples and stopped cleanly (${seconds()} in all)`);
