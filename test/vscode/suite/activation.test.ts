/**
 * The extension loads in a real extension host, activates, and registers its commands.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers';

describe('activation', () => {
  it('activates and registers its commands', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    // Measured from the activate() call: the figure issue 8 holds to 100 ms. Printed, not
    // asserted: timing belongs in the benchmark, not in a pass/fail test.
    const started = Date.now();
    await extension.activate();
    const elapsed = Date.now() - started;
    console.log(`    activation took ${elapsed} ms (from extension.activate() to its promise settling)`);
    assert.equal(extension.isActive, true);
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['kubeWorkloads.restartServer', 'kubeWorkloads.showOutput']) {
      assert.ok(commands.includes(id), `command ${id} is not registered`);
    }
  });
});
