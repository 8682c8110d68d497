/**
 * The extension loads in a real extension host, activates, and registers its commands.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { KubeWorkloadsExports } from '../../../client/src/extension';
import { EXTENSION_ID, closeAllEditors, openManifest, waitForDiagnostics } from './helpers';

describe('activation', () => {
  after(closeAllEditors);

  it('activates and registers its commands', async () => {
    const extension = vscode.extensions.getExtension<KubeWorkloadsExports>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    const wasActive = extension.isActive;
    // Measured from the activate() call: the figure issue 8 holds to 100 ms. Printed, not
    // asserted: timing belongs in the benchmark, not in a pass/fail test. The extension returns
    // marks on the same performance.now() clock, so the total splits into VS Code's work and ours.
    const called = performance.now();
    const exports = await extension.activate();
    const settled = performance.now();
    if (wasActive) {
      console.log('    activation not measured: something activated the extension before this test');
    } else {
      const t = exports.activationTimes;
      const ms = (duration: number) => `${duration.toFixed(1)} ms`;
      console.log(
        [
          `    activation took ${ms(settled - called)} (from extension.activate() to its promise settling):`,
          `      ${ms(t.moduleStart - called)} VS Code, until dist/extension.js began evaluating (localisation, reading and compiling the file)`,
          `      ${ms(t.moduleEnd - t.moduleStart)} ours, evaluating dist/extension.js`,
          `      ${ms(t.activateStart - t.moduleEnd)} VS Code, until activate() was called (the ExtensionContext's storage: a round trip to the workbench)`,
          `      ${ms(t.activateEnd - t.activateStart)} ours, in activate()`,
          `      ${ms(settled - t.activateEnd)} VS Code, until the promise settled`,
          `      (${ms(t.moduleEnd - called + (t.activateEnd - t.activateStart))} as VS Code's Running Extensions view counts activation: code loading plus the activate() call)`,
        ].join('\n'),
      );
    }
    assert.equal(extension.isActive, true);
    if (!wasActive) await reportFirstDiagnostics(exports, called);
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['kubeWorkloads.restartServer', 'kubeWorkloads.showOutput']) {
      assert.ok(commands.includes(id), `command ${id} is not registered`);
    }
  });
});

/**
 * Time to the first diagnostics of a session (issue 19), printed as it splits: the first file is
 * opened as soon as activate() has returned, as when opening a YAML file activates the extension.
 * Not asserted (timing belongs to the benchmark, `npm run bench -- --startup`).
 */
async function reportFirstDiagnostics(exports: KubeWorkloadsExports, called: number): Promise<void> {
  const opened = performance.now();
  const editor = await openManifest('broken.yaml');
  const shown = performance.now();
  await waitForDiagnostics(editor.document.uri, 'the first diagnostics of the session', (ds) => ds.length > 0);
  const diagnosed = performance.now();
  const t = await exports.clientTimes;
  const ms = (duration: number) => `${duration.toFixed(1)} ms`;
  console.log(
    [
      `    first diagnostics ${ms(diagnosed - called)} after extension.activate() (${editor.document.lineCount}-line broken.yaml opened right after activation):`,
      `      ${ms(t.clientLoaded - called)} until the language client bundle was loaded`,
      `      ${ms(t.serverReady - t.clientLoaded)} more until the server answered initialize (process start, bundle load)`,
      `      ${ms(shown - opened)} opening and showing the file (in parallel with the above)`,
      `      ${ms(diagnosed - Math.max(t.serverReady, shown))} from the later of both to the diagnostics in the editor (didOpen, pull, analysis)`,
    ].join('\n'),
  );
}
