/**
 * The extension-host suite's entry: VS Code (desktop through @vscode/test-electron, or
 * code-server through the payload route) requires this file and awaits `run()`. A rejected
 * promise means a failed run.
 */
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function run(): Promise<void> {
  // The runner may narrow the run to some files, e.g. KUBE_WORKLOADS_GREP=hover.
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env['KUBE_WORKLOADS_GREP'];
  if (grep) mocha.grep(grep);
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} extension-host test(s) failed`)) : resolve()));
  });
}
