/** A content store over an image layout directory. */
import { constants, lstatSync, readdirSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { errnoCode } from '../../../core/errors.js';
import type { BlobSink, ContentStore, StoreListing, StoreStat, StreamJob } from './store.js';
import { bounded, pumpRange } from './store.js';

function describe(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

export class DirStore implements ContentStore {
  constructor(
    private readonly root: string,
    readonly name: string,
  ) {}

  label(path: string): string {
    return join(this.name, path);
  }

  /** lstat of every component below the root, so that no symbolic link on the way is followed. */
  private walk(path: string): Stats | StoreStat {
    const parts = path.split('/');
    let cur = this.root;
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (p === '' || p === '.' || p === '..') return { kind: 'not-file', what: 'a path that leaves the layout' };
      cur = join(cur, p);
      let st: Stats;
      try {
        st = lstatSync(cur);
      } catch (e) {
        const code = errnoCode(e);
        if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
        return { kind: 'not-file', what: `unreadable (${code ?? String(e)})` };
      }
      if (st.isSymbolicLink()) return { kind: 'link', what: i === parts.length - 1 ? 'a symbolic link' : `under a symbolic link (${parts.slice(0, i + 1).join('/')})` };
      if (i < parts.length - 1 && !st.isDirectory()) return { kind: 'missing' };
      if (i === parts.length - 1) return st;
    }
    return { kind: 'missing' };
  }

  stat(path: string): StoreStat {
    const r = this.walk(path);
    if (!('isFile' in r)) return r;
    return r.isFile() ? { kind: 'file', size: r.size } : { kind: 'not-file', what: describe(r) };
  }

  hasDir(path: string): boolean {
    const r = this.walk(path);
    return 'isFile' in r && r.isDirectory();
  }

  hasRootFile(name: string): boolean {
    return this.stat(name).kind !== 'missing';
  }

  async readSmall(path: string): Promise<Buffer> {
    const fh = await open(join(this.root, path), constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      return await fh.readFile();
    } finally {
      await fh.close();
    }
  }

  listBlobs(): readonly StoreListing[] {
    const out: StoreListing[] = [];
    const blobs = this.walk('blobs');
    if (!('isFile' in blobs) || !blobs.isDirectory()) return out;
    for (const alg of safeReaddir(join(this.root, 'blobs'))) {
      const algPath = `blobs/${alg}`;
      const st = this.walk(algPath);
      if (!('isFile' in st)) {
        out.push({ path: algPath, stat: st });
        continue;
      }
      if (!st.isDirectory()) {
        out.push({ path: algPath, stat: st.isFile() ? { kind: 'file', size: st.size } : { kind: 'not-file', what: describe(st) } });
        continue;
      }
      out.push({ path: algPath, stat: { kind: 'dir' } });
      for (const enc of safeReaddir(join(this.root, algPath))) {
        const p = `${algPath}/${enc}`;
        const s = this.walk(p);
        if (!('isFile' in s)) out.push({ path: p, stat: s });
        else if (s.isDirectory()) out.push({ path: p, stat: { kind: 'dir' } });
        else out.push({ path: p, stat: s.isFile() ? { kind: 'file', size: s.size } : { kind: 'not-file', what: describe(s) } });
      }
    }
    return out;
  }

  async stream(jobs: readonly StreamJob[], concurrency: number): Promise<void> {
    await bounded(jobs, concurrency, (j) => this.streamOne(j.path, j.sink));
  }

  private async streamOne(path: string, sink: BlobSink): Promise<void> {
    let fh;
    try {
      fh = await open(join(this.root, path), constants.O_RDONLY | constants.O_NOFOLLOW);
    } catch (e) {
      sink.fail(`cannot open (${errnoCode(e) ?? String(e)})`);
      return;
    }
    try {
      await pumpRange(async (buf, at) => (await fh.read(buf, 0, buf.length, at)).bytesRead, 0, undefined, sink);
    } catch (e) {
      sink.fail(`read failed (${errnoCode(e) ?? (e instanceof Error ? e.message : String(e))})`);
    } finally {
      await fh.close();
    }
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}
