/**
 * Where the shared reference data lives: `KW_SHARED`, or `../shared` beside the repository.
 * Only `npm run test:conformance` (and the fuzzer) read it; `npm test` needs nothing outside the
 * repository.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './lspClient';

export const SHARED_DIR = process.env.KW_SHARED ? path.resolve(process.env.KW_SHARED) : path.resolve(REPO_ROOT, '..', 'shared');

/** A path inside the shared folder; a missing one is an error that says where it was looked for. */
export function sharedPath(...parts: string[]): string {
  const full = path.join(SHARED_DIR, ...parts);
  if (!fs.existsSync(full)) {
    throw new Error(`${full} not found: the conformance tests need the shared reference data beside the repository (../shared) or in KW_SHARED`);
  }
  return full;
}
