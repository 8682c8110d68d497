#!/usr/bin/env node
// `npm run test:vscode`: runs the extension-host suite inside code-server (a real VS Code with a
// Node extension host), driven by headless Chromium. The extension is loaded as the development
// extension and the suite through the payload route; the suite's result becomes our exit code.
// Prerequisites: `node scripts/vscode/install.mjs` and `npm run build` (the npm script does both).
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import { launchBrowser } from '../../scripts/vscode/browser.mjs';
import { buildSuite } from '../../scripts/vscode/buildSuite.mjs';
import { instanceDirs, startCodeServer } from '../../scripts/vscode/codeServer.mjs';
import { artifactsDir, codeServerEntry, root } from '../../scripts/vscode/paths.mjs';
import { within } from '../../scripts/vscode/wait.mjs';

const OVERALL_TIMEOUT_MS = Number(process.env.KUBE_WORKLOADS_VSCODE_TIMEOUT_MS ?? 180_000);
const verbose = process.argv.includes('--verbose');

function payloadUrl(server, workspace, suiteDir) {
  // Both URIs must name the host and port the browser uses, or the workbench waits forever.
  const remote = (path) => `vscode-remote://${server.host}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(root.replace(/\/$/, ''))],
    ['extensionTestsPath', remote(suiteDir)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  return `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

// The workbench's own chatter when it runs offline and signed out; none of it is about the suite.
const NOISE = /open-vsx|vsda|marketplace|ENOTFOUND|getaddrinfo|^\[(AgentHost|ChatModelSelection)\]|No search provider registered/i;
const t0 = Date.now();


/** Prints what the extension host logs (mocha's spec reporter among it), minus offline noise. */
function printHostLog(type, args) {
  const list = Array.isArray(args) ? args : [args];
  const text = format(...list);
  // Mocha's spec reporter indents everything it prints (failures arrive as one indented block);
  // the workbench's own log lines do not, so without --verbose only the reporter shows.
  if (!verbose && (NOISE.test(text) || !/^(\s|$)/.test(text))) return;
  const line = verbose ? `[${((Date.now() - t0) / 1000).toFixed(1)}s ${type}] ${text}` : text;
  (type === 'error' ? console.error : console.log)(line);
}

async function main() {
  if (!existsSync(codeServerEntry)) throw new Error('code-server is not installed: run `node scripts/vscode/install.mjs`');
  if (!existsSync(join(root, 'dist', 'extension.js'))) throw new Error('the extension is not built: run `npm run build`');
  const suiteDir = await buildSuite();
  const temp = mkdtempSync(join(tmpdir(), 'kube-workloads-vscode-'));
  const workspace = join(temp, 'workspace');
  // A copy, so settings the tests write (.vscode/settings.json) never touch the repository.
  cpSync(join(root, 'test', 'vscode', 'workspace'), workspace, { recursive: true });
  let server;
  let browser;
  const started = Date.now();
  try {
    server = await startCodeServer({
      dirs: instanceDirs(temp),
      smokeTestDriver: true,
      log: verbose ? (text) => process.stderr.write(`[code-server] ${text}`) : undefined,
    });
    console.log(`code-server ${server.url} is up after ${Date.now() - started} ms`);
    browser = await launchBrowser(temp);
    const { page } = browser;
    let finish;
    const exitCode = new Promise((resolve) => (finish = resolve));
    await page.exposeFunction('codeAutomationLog', printHostLog);
    await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));
    await page.goto(payloadUrl(server, workspace, suiteDir));
    let code;
    try {
      code = await within(OVERALL_TIMEOUT_MS, 'the extension-host suite to finish (codeAutomationExit)', exitCode);
    } catch (error) {
      mkdirSync(artifactsDir, { recursive: true });
      const shot = join(artifactsDir, 'test-vscode-timeout.png');
      await page.screenshot({ path: shot }).catch(() => undefined);
      throw new Error(`${error.message}; screenshot: ${shot}`);
    }
    console.log(`extension-host suite ${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return code;
  } finally {
    await browser?.context.close().catch(() => undefined);
    await server?.stop();
    rmSync(temp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`test:vscode: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
