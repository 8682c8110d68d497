/**
 * What the CLI checks: the files named, the YAML files in the folders named (recursively, through
 * symbolic links, each real folder and file once) and the files a glob matches; and each file's
 * text, read without ever blocking.
 *
 * The CLI is a gate in CI, so every input it did not analyse is reported, never passed over in
 * silence: a folder or file it cannot read, a broken or looping symbolic link, a FIFO or device
 * (refused: reading one could block forever), a binary file, a file over the size limit.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export class UsageError extends Error {}

/** An input the CLI could not analyse, and why. */
export interface Unanalysed {
  readonly file: string;
  readonly reason: string;
  /** 'unreadable': it could not be read (exit 2); 'unanalysable': read, but not a text we analyse (exit 3). */
  readonly kind: 'unreadable' | 'unanalysable';
}

export interface Expanded {
  readonly files: string[];
  /** Folders, links and special files met on the way that could not be read. */
  readonly unreadable: Unanalysed[];
}

const YAML_FILE = /\.ya?ml$/i;

/** Expands files, directories (recursively, YAML files only) and simple globs (`*`, `**`). */
export function expandInputs(inputs: readonly string[]): Expanded {
  const walker = new Walker();
  for (const input of inputs) {
    if (/[*?]/.test(input)) {
      const before = walker.files.length;
      walker.glob(input);
      if (walker.files.length === before) throw new UsageError(`No files match ${input}`);
      continue;
    }
    const stat = statOf(input);
    if (!stat) throw new UsageError(`No such file or directory: ${input}`);
    if (stat.isDirectory()) walker.folder(input, FOLDER);
    else walker.addFile(input);
  }
  const seen = new Set<string>();
  const files = walker.files.filter((f) => !seen.has(f) && !!seen.add(f)).sort();
  return { files, unreadable: walker.unreadable };
}

function statOf(input: string): fs.Stats | undefined {
  try {
    return fs.statSync(input, { throwIfNoEntry: false });
  } catch (error) {
    // ELOOP (a symlink cycle), EACCES on a parent folder …: say which input, do not crash.
    throw new UsageError(`Cannot read ${input}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

interface WalkOptions {
  /** Skip entries whose name starts with a dot. */
  readonly skipHidden: boolean;
  /** The files to take, by their path as the walk spells it. */
  wants(file: string): boolean;
}

/** A folder named on the command line: its YAML files, hidden entries skipped. */
const FOLDER: WalkOptions = { skipHidden: true, wants: (file) => YAML_FILE.test(file) };

class Walker {
  readonly files: string[] = [];
  readonly unreadable: Unanalysed[] = [];
  /** Real paths of the folders and files taken, so a link to one already seen adds nothing. */
  private readonly realPaths = new Set<string>();

  addFile(file: string): void {
    // A file named on the command line is always checked (and refused later if it is special).
    this.files.push(file);
    const real = realPath(file);
    if (real) this.realPaths.add(real);
  }

  glob(pattern: string): void {
    const parts = pattern.split(/[\\/]/);
    const firstGlob = parts.findIndex((p) => /[*?]/.test(p));
    const root = parts.slice(0, firstGlob).join('/') || '.';
    const regex = globToRegExp(pattern);
    if (!fs.existsSync(root)) return;
    // Its own walk: a folder another input already took may hold the files this glob names.
    const walk = new Walker();
    walk.folder(root, { skipHidden: false, wants: (file) => regex.test(file.split(path.sep).join('/')) });
    this.files.push(...walk.files);
    this.unreadable.push(...walk.unreadable);
  }

  folder(dir: string, options: WalkOptions): void {
    const real = realPath(dir);
    if (!real || this.realPaths.has(real)) return;
    this.realPaths.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      this.unreadable.push({ file: dir, reason: `cannot read the folder: ${describeError(error)}`, kind: 'unreadable' });
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name === 'node_modules' || (options.skipHidden && entry.name.startsWith('.'))) continue;
      const full = path.join(dir, entry.name);
      const wanted = options.wants(full);
      const stat = entry.isSymbolicLink() ? this.followLink(full, wanted) : entry;
      if (!stat) continue;
      if (stat.isDirectory()) this.folder(full, options);
      else if (!wanted) continue;
      else if (stat.isFile()) this.takeFile(full);
      else this.unreadable.push({ file: full, reason: `refused: it is ${specialKind(stat)}, not a regular file`, kind: 'unreadable' });
    }
  }

  private takeFile(file: string): void {
    const real = realPath(file) ?? file;
    if (this.realPaths.has(real)) return;
    this.realPaths.add(real);
    this.files.push(file);
  }

  /** What a symbolic link points to; a broken or looping link to a wanted file is reported. */
  private followLink(link: string, wanted: boolean): fs.Stats | undefined {
    try {
      return fs.statSync(link);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (wanted) {
        const reason = code === 'ENOENT' ? 'a broken symbolic link' : code === 'ELOOP' ? 'a symbolic link loop' : describeError(error);
        this.unreadable.push({ file: link, reason: `cannot read it: ${reason}`, kind: 'unreadable' });
      }
      return undefined;
    }
  }
}

function realPath(p: string): string | undefined {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return undefined;
  }
}

/** `**` matches any number of folders, `*` and `?` stay within one path segment. */
function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

function specialKind(stat: fs.Stats | fs.Dirent): string {
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  return 'a special file';
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return code ?? (error as Error).message;
}

/** A file's text, or why it was not analysed. `maxFileSize` counts UTF-16 code units, as the server does. */
export function readInput(file: string, maxFileSize: number): { readonly text: string } | Unanalysed {
  let fd: number;
  try {
    // Non-blocking: opening a FIFO without a writer would otherwise wait forever.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { file, reason: `cannot read it: ${describeError(error)}`, kind: 'unreadable' };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) return { file, reason: 'cannot read it: it is a directory', kind: 'unreadable' };
    if (!stat.isFile()) return { file, reason: `refused: it is ${specialKind(stat)}, not a regular file`, kind: 'unreadable' };
    // UTF-8 takes at most 3 bytes per UTF-16 code unit: a file this large is over the limit unread.
    if (stat.size > 3 * maxFileSize) return tooLarge(file, stat.size, maxFileSize);
    const bytes = fs.readFileSync(fd);
    // A NUL byte in the first 8 KB means a binary file, not a manifest.
    if (bytes.subarray(0, 8192).includes(0)) return { file, reason: 'not analysed: it is a binary file, not YAML', kind: 'unanalysable' };
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
    return text.length > maxFileSize ? tooLarge(file, text.length, maxFileSize) : { text };
  } catch (error) {
    return { file, reason: `cannot read it: ${describeError(error)}`, kind: 'unreadable' };
  } finally {
    fs.closeSync(fd);
  }
}

function tooLarge(file: string, size: number, limit: number): Unanalysed {
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  return { file, reason: `not analysed: it is ${mb(size)}, above the ${mb(limit)} limit; raise maxFileSize in --config to check it`, kind: 'unanalysable' };
}
