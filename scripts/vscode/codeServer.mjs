// Starts and stops a code-server (VS Code's web build with a Node extension host) for tests and
// for `npm start`. Each run gets its own user-data and extensions folders, binds to 127.0.0.1
// only, and is started in its own process group so stopping it also stops the extension host
// and the language server it spawned.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { codeServerEntry, nodeBin } from './paths.mjs';
import { within } from './wait.mjs';

// A workbench that does not reach for the network or sign-in while the suite runs.
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  'update.mode': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  // Workspaces live under the repository (.cache/, test folders): no "git repository found in
  // the parent folders" popup over the Problems panel.
  'git.openRepositoryInParentFolders': 'never',
  // VS Code for the web saves a second after every change by default: a test's edits (reverted
  // when it ends) reached the files on disk under load, and the next test found them there.
  // Desktop VS Code's default.
  'files.autoSave': 'off',
};

/** Asks the kernel for a port nobody uses right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The folders one code-server instance writes to, all under `dir`. */
export function instanceDirs(dir) {
  const dirs = { userData: join(dir, 'user-data'), extensions: join(dir, 'extensions'), config: join(dir, 'config.yaml') };
  mkdirSync(dirs.userData, { recursive: true });
  mkdirSync(dirs.extensions, { recursive: true });
  // Without a config file code-server writes one, with a password, into the home folder.
  writeFileSync(dirs.config, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  return dirs;
}

/** Installs a .vsix into an extensions folder with code-server's own CLI. */
export function installVsix(vsix, dirs, { force = false } = {}) {
  const args = [codeServerEntry, '--config', dirs.config, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', vsix];
  if (force) args.push('--force');
  const result = spawnSync(nodeBin, args, { encoding: 'utf8' });
  if (result.status !== 0 || !/successfully installed/i.test(result.stdout)) {
    throw new Error(`installing ${vsix} failed:\n${result.stdout}\n${result.stderr}`);
  }
}

/**
 * Starts code-server and resolves once /healthz answers. `settings` are written as the user
 * settings first (unless `keepSettings` and a profile exists), so the workbench starts the way
 * the caller wants (theme, no welcome page). `port` defaults to a free one.
 */
export async function startCodeServer({ dirs, settings = {}, log = () => undefined, smokeTestDriver = false, port: wanted, keepSettings = false }) {
  const port = wanted ?? (await freePort());
  const userSettings = join(dirs.userData, 'User');
  mkdirSync(userSettings, { recursive: true });
  const settingsFile = join(userSettings, 'settings.json');
  // A kept profile (npm start) holds the user's own settings from earlier runs: keep them, and
  // only add the quiet settings it lacks (a file with comments, which JSON cannot read, is left).
  if (!keepSettings || !existsSync(settingsFile)) writeFileSync(settingsFile, JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  else addMissingSettings(settingsFile, { ...QUIET_SETTINGS, ...settings });
  const args = [
    codeServerEntry,
    '--config', dirs.config,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
  ];
  // The payload route (extensionDevelopmentPath / extensionTestsPath) only runs with this hook.
  if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  const child = spawn(nodeBin, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk) => log(String(chunk)));
  child.stderr.on('data', (chunk) => log(String(chunk)));
  const exited = new Promise((_, reject) => child.once('exit', (code) => reject(new Error(`code-server exited early with code ${code}`))));
  exited.catch(() => undefined);
  const url = `http://127.0.0.1:${port}`;
  const handle = { url, port, host: `127.0.0.1:${port}`, child, stop: () => stopGroup(child) };
  try {
    await within(30_000, `code-server to answer ${url}/healthz`, Promise.race([exited, pollHealthz(url)]));
  } catch (error) {
    await handle.stop();
    throw error;
  }
  return handle;
}

function addMissingSettings(file, wanted) {
  let current;
  try {
    current = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return;
  }
  const missing = Object.keys(wanted).filter((key) => !(key in current));
  if (missing.length) writeFileSync(file, JSON.stringify({ ...current, ...Object.fromEntries(missing.map((key) => [key, wanted[key]])) }, null, 2));
}

async function pollHealthz(url) {
  for (;;) {
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet: the poll below is the readiness check itself, not a sleep for luck.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Stops a detached child's whole process group: TERM first, KILL if it has not gone in 5 s. */
export async function stopGroup(child) {
  if (child.exitCode !== null || child.signalCode !== null) return killGroup(child.pid, 'SIGKILL');
  const gone = new Promise((resolve) => child.once('exit', resolve));
  killGroup(child.pid, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5_000);
  await gone;
  clearTimeout(timer);
  // Anything the server left behind in its group (extension host, language server) goes too.
  killGroup(child.pid, 'SIGKILL');
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already empty.
  }
}
