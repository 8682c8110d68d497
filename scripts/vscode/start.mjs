#!/usr/bin/env node
// `npm start`: installs what is missing (Node 24, code-server, Chromium — the same installer CI
// uses), builds and packages the extension, installs the .vsix into a code-server kept under
// .cache/vscode/start/, and serves VS Code on 127.0.0.1 with a scratch copy of examples/ open
// until Ctrl+C. The copy (.cache/vscode/start/examples/) is restored from examples/ on every
// start, so what autosave writes while trying conversions never reaches the repository.
// PORT picks the port (default 8080, or a free one if 8080 is taken).
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { freePort, installVsix, instanceDirs, startCodeServer } from './codeServer.mjs';
import { cacheDir, root } from './paths.mjs';

function step(title, command, args) {
  console.log(`\n> ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`npm start: "${title}" failed`);
    process.exit(result.status ?? 1);
  }
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function choosePort() {
  const wanted = Number(process.env.PORT ?? 8080);
  return (await portIsFree(wanted)) ? wanted : freePort();
}

step('install Node 24, code-server and Chromium (once)', process.execPath, ['scripts/vscode/install.mjs']);
step('build and package the extension', 'npm', ['run', 'package', '--silent']);
// One user-data folder across runs, so settings and open editors survive a restart.
const dirs = instanceDirs(join(cacheDir, 'start'));
installVsix(join(root, 'kube-workloads.vsix'), dirs, { force: true });
const workspace = join(cacheDir, 'start', 'examples');
rmSync(workspace, { recursive: true, force: true });
cpSync(join(root, 'examples'), workspace, { recursive: true });
const server = await startCodeServer({ dirs, port: await choosePort(), keepSettings: true });
const url = `${server.url}/?folder=${encodeURIComponent(workspace)}`;
console.log(`\nKubernetes Workloads is running in VS Code at\n\n  ${url}\n\nOpen broken.yaml to see diagnostics and quick-fixes. Press Ctrl+C to stop.`);
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping code-server…');
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.child.once('exit', (code) => {
  if (!stopping) {
    console.error(`code-server exited with code ${code}`);
    process.exit(1);
  }
});
