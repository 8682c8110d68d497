/**
 * The files `kube-workloads mcp` may read: regular files under its root (the working directory,
 * or `--root`), after every symbolic link is resolved. An agent passes paths it was given by a
 * prompt, a repository or a stranger's manifest; `../../etc/shadow`, an absolute path elsewhere or
 * a link out of the root is refused, saying why, and nothing outside the root is opened.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AgentInputError } from './agentInputError';

export function readUnderRoot(root: string, requested: string, maxSize: number): string {
  const realRoot = fs.realpathSync(root);
  let real: string;
  try {
    real = fs.realpathSync(path.resolve(realRoot, requested));
  } catch {
    throw new AgentInputError(`No such file under ${realRoot}: ${requested}`);
  }
  const relative = path.relative(realRoot, real);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new AgentInputError(`${requested} is outside the folder this server may read (${realRoot}); pass the YAML as "text" instead.`);
  }
  const stat = fs.statSync(real);
  if (!stat.isFile()) throw new AgentInputError(`${requested} is not a file.`);
  if (stat.size > maxSize * 4) throw new AgentInputError(`${requested} is ${stat.size} bytes, above the limit (setting maxFileSize: ${maxSize} characters).`);
  const bytes = fs.readFileSync(real);
  if (bytes.subarray(0, 8192).includes(0)) throw new AgentInputError(`${requested} is a binary file, not YAML.`);
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}
