/**
 * The table of contents of a tar archive holding an image layout: entry name
 * (normalised, relative to the layout root) to type, size and data offset.
 */
import type { TarEntry } from '../tar/parser.js';
import type { StoreListing, StoreStat } from './store.js';
import { shortName, tooLong } from '../layer/inspect.js';

export interface IndexedEntry {
  readonly entry: TarEntry;
}

/** A name as found in the archive to a layout path; undefined when it would leave the root. */
export function normaliseName(name: string): string | undefined {
  if (name.startsWith('/')) return undefined;
  const parts: string[] = [];
  for (const p of name.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') return undefined;
    parts.push(p);
  }
  return parts.join('/');
}

export class ArchiveIndex {
  readonly entries = new Map<string, TarEntry>();
  private readonly dirs = new Set<string>();
  /** Names that would leave the layout root (refused). */
  readonly escaping: string[] = [];
  /** Names longer than PATH_MAX (refused, not kept: shortened for messages). */
  readonly tooLong: string[] = [];
  /** Names that occur more than once (the last one wins, as when a tool extracts the archive). */
  readonly duplicates = new Set<string>();

  add(e: TarEntry): void {
    if (tooLong(e.name)) {
      this.tooLong.push(shortName(e.name));
      return;
    }
    const n = normaliseName(e.name);
    if (n === undefined) {
      this.escaping.push(e.name);
      return;
    }
    if (n === '') return;
    if (e.type === 'directory') this.dirs.add(n);
    else {
      if (this.entries.has(n)) this.duplicates.add(n);
      this.entries.set(n, e);
    }
    for (let i = n.indexOf('/'); i !== -1; i = n.indexOf('/', i + 1)) this.dirs.add(n.slice(0, i));
  }

  stat(path: string): StoreStat {
    const e = this.entries.get(path);
    if (!e) return this.dirs.has(path) ? { kind: 'not-file', what: 'a directory' } : { kind: 'missing' };
    if (e.type === 'symlink') return { kind: 'link', what: `a symbolic link entry (to '${e.linkname}')` };
    if (e.type === 'hardlink') return { kind: 'link', what: `a hard link entry (to '${e.linkname}')` };
    if (e.type === 'file' || e.type === 'contiguous') return { kind: 'file', size: e.size };
    return { kind: 'not-file', what: `a ${e.type} entry` };
  }

  hasDir(path: string): boolean {
    return this.dirs.has(path);
  }

  /** Whether this header (by its offset in the tar stream) is the entry that counts for its name. */
  isCurrent(path: string, headerOffset: number): boolean {
    return this.entries.get(path)?.headerOffset === headerOffset;
  }

  /** A directory inside the archive that holds an oci-layout or index.json, when the root does not. */
  nestedLayout(): string | undefined {
    let best: string | undefined;
    for (const p of this.entries.keys())
      if (p.endsWith('/oci-layout') || p.endsWith('/index.json')) {
        const d = p.slice(0, p.lastIndexOf('/'));
        if (best === undefined || d.length < best.length) best = d;
      }
    return best;
  }

  listBlobs(): StoreListing[] {
    const out: StoreListing[] = [];
    for (const d of this.dirs) if (d.startsWith('blobs/')) out.push({ path: d, stat: { kind: 'dir' } });
    for (const p of this.entries.keys()) if (p.startsWith('blobs/')) out.push({ path: p, stat: this.stat(p) });
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}
