/**
 * The scenario's file tree, in memory. The engine reads and writes files only
 * through this, so nothing a lab does touches the real disk. Paths are POSIX;
 * relative paths resolve against a working directory the caller passes in.
 */
export type EntryType = 'file' | 'dir';

export class WorkspaceError extends Error {
  constructor(
    readonly code: 'ENOENT' | 'EISDIR' | 'ENOTDIR' | 'EEXIST',
    readonly path: string,
  ) {
    super(`${code}: ${path}`);
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false });

export class Workspace {
  private readonly files = new Map<string, Uint8Array>();
  private readonly dirs = new Set<string>(['/']);

  /** Normalise `path` against `cwd` into an absolute path without `.`/`..`. */
  static resolve(cwd: string, path: string): string {
    const joined = path.startsWith('/') ? path : `${cwd}/${path}`;
    const out: string[] = [];
    for (const seg of joined.split('/')) {
      if (seg === '' || seg === '.') continue;
      if (seg === '..') out.pop();
      else out.push(seg);
    }
    return '/' + out.join('/');
  }

  static dirname(path: string): string {
    const i = path.lastIndexOf('/');
    return i <= 0 ? '/' : path.slice(0, i);
  }

  static basename(path: string): string {
    return path.slice(path.lastIndexOf('/') + 1);
  }

  type(path: string): EntryType | undefined {
    if (this.files.has(path)) return 'file';
    if (this.dirs.has(path)) return 'dir';
    return undefined;
  }

  mkdirp(path: string): void {
    if (this.files.has(path)) throw new WorkspaceError('ENOTDIR', path);
    let p = path;
    const todo: string[] = [];
    while (!this.dirs.has(p)) {
      if (this.files.has(p)) throw new WorkspaceError('ENOTDIR', p);
      todo.push(p);
      p = Workspace.dirname(p);
    }
    for (const d of todo) this.dirs.add(d);
  }

  readBytes(path: string): Uint8Array {
    const data = this.files.get(path);
    if (data) return data;
    throw new WorkspaceError(this.dirs.has(path) ? 'EISDIR' : 'ENOENT', path);
  }

  readText(path: string): string {
    return decoder.decode(this.readBytes(path));
  }

  /** Write a file; its folder must exist unless `parents` is set. */
  write(path: string, content: string | Uint8Array, opts: { append?: boolean; parents?: boolean } = {}): void {
    if (this.dirs.has(path)) throw new WorkspaceError('EISDIR', path);
    const dir = Workspace.dirname(path);
    if (opts.parents) this.mkdirp(dir);
    else if (!this.dirs.has(dir)) throw new WorkspaceError(this.files.has(dir) ? 'ENOTDIR' : 'ENOENT', path);
    const bytes = typeof content === 'string' ? encoder.encode(content) : content;
    const old = opts.append ? this.files.get(path) : undefined;
    if (old) {
      const joined = new Uint8Array(old.length + bytes.length);
      joined.set(old, 0);
      joined.set(bytes, old.length);
      this.files.set(path, joined);
    } else {
      this.files.set(path, bytes);
    }
  }

  remove(path: string): void {
    this.files.delete(path);
  }

  /** Remove a folder and everything under it (`rm -r`). */
  removeTree(path: string): void {
    if (path === '/') return;
    const prefix = path + '/';
    for (const p of [...this.files.keys()]) if (p.startsWith(prefix)) this.files.delete(p);
    for (const d of [...this.dirs]) if (d === path || d.startsWith(prefix)) this.dirs.delete(d);
  }

  /** Names directly inside `dir`, sorted as `ls` sorts them in the C.UTF-8 locale (bytewise). */
  list(dir: string): string[] {
    if (!this.dirs.has(dir)) throw new WorkspaceError(this.files.has(dir) ? 'ENOTDIR' : 'ENOENT', dir);
    const prefix = dir === '/' ? '/' : dir + '/';
    const names = new Set<string>();
    for (const p of [...this.files.keys(), ...this.dirs]) {
      if (p.startsWith(prefix) && p.length > prefix.length) {
        const rest = p.slice(prefix.length);
        if (!rest.includes('/')) names.add(rest);
      }
    }
    return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** Every file under `dir`, recursively, as absolute paths, sorted. */
  walkFiles(dir: string): string[] {
    const prefix = dir === '/' ? '/' : dir + '/';
    return [...this.files.keys()].filter((p) => p.startsWith(prefix)).sort();
  }

  /** A copy, for a scenario that starts from another's files (grading). */
  clone(): Workspace {
    const w = new Workspace();
    for (const d of this.dirs) w.dirs.add(d);
    for (const [p, b] of this.files) w.files.set(p, b);
    return w;
  }
}
