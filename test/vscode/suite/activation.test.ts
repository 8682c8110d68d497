/**
 * The extension loads in a real extension host, activates, and registers its commands.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { KubeWorkloadsExports } from '../../../client/src/extension';
import { EXTENSION_ID } from './helpers';

describe('activation', () => {
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
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['kubeWorkloads.restartServer', 'kubeWorkloads.showOutput']) {
      assert.ok(commands.includes(id), `command ${id} is not registered`);
    }
  });
});
