#!/usr/bin/env node
// `npm run test:electron`: the same extension-host suite in a desktop VS Code that
// @vscode/test-electron downloads (so it needs internet access to update.code.visualstudio.com;
// CI here uses `npm run test:vscode` instead). Set VSCODE_TEST_VERSION to pin a version
// (default: stable); on a headless Linux box run it under xvfb-run.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildSuite } from '../../scripts/vscode/buildSuite.mjs';
import { root } from '../../scripts/vscode/paths.mjs';

async function main() {
  const extensionTestsPath = await buildSuite();
  const temp = mkdtempSync(join(tmpdir(), 'kube-workloads-electron-'));
  const workspace = join(temp, 'workspace');
  cpSync(join(root, 'test', 'vscode', 'workspace'), workspace, { recursive: true });
  try {
    await runTests({
      version: process.env.VSCODE_TEST_VERSION ?? 'stable',
      extensionDevelopmentPath: root,
      extensionTestsPath,
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${join(temp, 'user-data')}`,
        `--extensions-dir=${join(temp, 'extensions')}`,
      ],
    });
    return 0;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`test:electron: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
