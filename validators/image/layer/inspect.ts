/**
 * Inspection of one layer's tar stream as it goes by: unsafe paths, duplicate
 * entries, whiteouts, hard links and sparse files. Keeps only the names (for
 * the checks across layers), never file contents.
 */
import type { Level } from '../../../spec/types.js';
import type { LayerCheckId } from '../checks.js';
import type { TarEntry } from '../tar/parser.js';
import { TarFormatError } from '../tar/header.js';
import { TarParser } from '../tar/parser.js';
import { LinkTree, escapeOf } from './links.js';

/** A finding inside a layer, before it gets a file name and position. */
export interface LayerFinding {
  readonly rule: LayerCheckId;
  readonly message: string;
  readonly entry?: string;
  /** A level other than the check's, for a finding that is our reading of an ambiguity (docs/INTERPRETING.md). */
  readonly level?: Level;
}

export type NodeType = 'dir' | 'file' | 'symlink' | 'other';

export interface LayerSummary {
  /** Every path the layer adds (normalised, no leading './' or '/'), with its type. */
  readonly entries: Map<string, NodeType>;
  /** Paths removed by explicit whiteouts. */
  readonly whiteouts: string[];
  /** Directories whose lower contents an opaque whiteout hides ('' is the root). */
  readonly opaque: string[];
  /** Hard links whose target is not an earlier entry of this layer. */
  readonly pendingLinks: Array<{ readonly path: string; readonly target: string }>;
  /** Symbolic links the layer adds: path to target. */
  readonly symlinks: Map<string, string>;
  /** Set when the names budget ran out: the layer's names are only partly kept. */
  incomplete: boolean;
}

/**
 * What the names a run keeps may cost in all: each kept name's length plus a fixed cost per entry
 * (the map's), shared by every layer of the run, so that a hostile layer cannot fill memory with names.
 */
export class NameBudget {
  used = 0;
  constructor(readonly limit = DEFAULT_NAME_BUDGET) {}
}

/** 128 Mi: about a million entries of 60-byte names (a very large layer) with room to spare. */
export const DEFAULT_NAME_BUDGET = 128 * 1024 * 1024;
const ENTRY_COST = 64;

/**
 * The longest path we take a name for, in bytes: PATH_MAX (4096, with its NUL) on Linux, which is also
 * the longest symbolic link target; a runtime cannot create a longer one, and keeping such names would let
 * a small archive fill memory (a 1 MiB pax record per entry). Also under V8's full-hash length, so that
 * equal-length names do not collide as map keys.
 */
export const MAX_PATH_BYTES = 4095;

/** A name for a message: cut, with its length said, when it is long. */
export function shortName(name: string): string {
  return name.length <= 200 ? name : `${name.slice(0, 100)}…${name.slice(-40)} (${Buffer.byteLength(name)} bytes)`;
}

/** Whether a name is longer than MAX_PATH_BYTES bytes of UTF-8. */
export function tooLong(s: string): boolean {
  return s.length > MAX_PATH_BYTES || (s.length * 3 > MAX_PATH_BYTES && Buffer.byteLength(s) > MAX_PATH_BYTES);
}

const WH = '.wh.';
const OPAQUE = '.wh..wh..opq';
/** The most findings of one rule kept per layer; the rest are counted. */
const PER_RULE = 20;

/** Splits a tar name into clean components; reports absolute and '..' names. */
function clean(name: string): { path: string; absolute: boolean; dotdot: boolean } {
  const absolute = name.startsWith('/');
  const parts: string[] = [];
  let dotdot = false;
  for (const p of name.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') dotdot = true;
    parts.push(p);
  }
  return { path: parts.join('/'), absolute, dotdot };
}

function parentOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

function baseOf(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

export class LayerInspector {
  readonly summary: LayerSummary = { entries: new Map(), whiteouts: [], opaque: [], pendingLinks: [], symlinks: new Map(), incomplete: false };
  readonly findings: LayerFinding[] = [];
  /** Set when the stream is not a readable tar archive. */
  tarError: string | undefined;
  private readonly parser = new TarParser();
  private readonly counts = new Map<string, number>();
  /** Directories in which a subdirectory entry has been seen (for the whiteout order hint). */
  private readonly dirsWithSubdir = new Set<string>();
  /** The layer's symbolic links so far, for entries written through them. */
  private readonly links = new LinkTree();

  constructor(private readonly names: NameBudget = new NameBudget()) {}

  feed(chunk: Buffer): void {
    if (this.tarError !== undefined || this.parser.done) return;
    try {
      for (const ev of this.parser.push(chunk)) if (ev.kind === 'entry') this.onEntry(ev.entry);
    } catch (e) {
      this.fail(e);
    }
  }

  finish(): void {
    if (this.tarError !== undefined) return;
    try {
      this.parser.finish();
    } catch (e) {
      this.fail(e);
      return;
    }
    this.sameLayerWhiteouts();
    for (const [rule, n] of this.counts) if (n > PER_RULE) this.findings.push({ rule: 'layout.layer.more-findings', message: `${n - PER_RULE} more findings of ${rule} in this layer not shown` });
  }

  private fail(e: unknown): void {
    if (e instanceof TarFormatError) this.tarError = `${e.message} (at byte ${e.offset} of the uncompressed stream)`;
    else throw e;
  }

  private add(rule: LayerCheckId, message: string, entry?: string): void {
    const n = (this.counts.get(rule) ?? 0) + 1;
    this.counts.set(rule, n);
    if (n <= PER_RULE) this.findings.push({ rule, message, ...(entry !== undefined ? { entry } : {}) });
  }

  private onEntry(e: TarEntry): void {
    if (tooLong(e.name) || tooLong(e.linkname)) {
      const which = tooLong(e.name) ? `entry '${shortName(e.name)}'` : `entry '${shortName(e.name)}' links to a target that`;
      this.add('layout.layer.path-too-long', `${which} is longer than ${MAX_PATH_BYTES} bytes (PATH_MAX): no runtime can create it; not kept`, shortName(e.name));
      return;
    }
    const { path, absolute, dotdot } = clean(e.name);
    if (path === '' && !dotdot) return; // the root itself ('./' or '/')
    if (absolute) this.add('layout.layer.absolute-path', `entry '${e.name}' has an absolute path; layer paths are relative to the root`, e.name);
    if (dotdot) {
      this.add('layout.layer.dotdot-path', `entry '${e.name}' has a '..' component, which would reach outside the root when applied`, e.name);
      return;
    }
    if (e.sparse) this.add('layout.layer.sparse', `entry '${e.name}' is a sparse file`, e.name);
    const parts = path.split('/');
    // a whiteout too: what it removes is reached through the same links
    if (this.links.size > 0) {
      const out = escapeOf(this.links.root, parts.slice(0, -1));
      if (out)
        this.add(
          'layout.layer.symlink-escape',
          `entry '${e.name}' is written through symbolic link '${out.link}' -> '${out.target}', which leads outside the root: an extractor that follows it writes outside the rootfs`,
          e.name,
        );
    }
    const base = baseOf(path);
    const parent = parentOf(path);
    if (base.startsWith(WH)) {
      this.whiteout(e, path, base, parent);
      return;
    }
    const type: NodeType =
      e.type === 'directory' ? 'dir' : e.type === 'file' || e.type === 'contiguous' || e.type === 'hardlink' ? 'file' : e.type === 'symlink' ? 'symlink' : 'other';
    if (this.summary.entries.has(path)) this.add('layout.layer.duplicate-entry', `entry '${e.name}' appears more than once in the layer`, e.name);
    else if (!this.keep(path)) return;
    this.summary.entries.set(path, type);
    if (type === 'symlink') this.summary.symlinks.set(path, e.linkname);
    else this.summary.symlinks.delete(path);
    this.links.set(parts, type === 'symlink' ? e.linkname : undefined);
    if (type === 'dir') this.dirsWithSubdir.add(parent);
    if (e.type === 'hardlink') this.hardlink(e, path);
  }

  /** Whether the budget lets us keep one more name; says so once when it does not. */
  private keep(path: string): boolean {
    if (this.summary.incomplete) return false;
    const cost = path.length + ENTRY_COST;
    if (this.names.used + cost <= this.names.limit) {
      this.names.used += cost;
      return true;
    }
    this.summary.incomplete = true;
    this.add(
      'layout.layer.names-limit',
      `the names of this run's layers have used up our budget of ${this.names.limit} (bytes of names, ${ENTRY_COST} per entry): names from '${shortName(path)}' on are not kept, so checks across entries and layers are incomplete`,
    );
    return false;
  }

  private whiteout(e: TarEntry, path: string, base: string, parent: string): void {
    if (e.type !== 'file' && e.type !== 'contiguous')
      this.add('layout.layer.whiteout-not-file', `whiteout '${e.name}' is a ${e.type} entry; whiteouts are plain empty files`, e.name);
    else if (e.size !== 0) this.add('layout.layer.whiteout-not-empty', `whiteout '${e.name}' holds ${e.size} bytes; whiteouts are empty files`, e.name);
    if (this.summary.entries.has(path)) this.add('layout.layer.duplicate-entry', `entry '${e.name}' appears more than once in the layer`, e.name);
    else if (!this.keep(path)) return;
    this.summary.entries.set(path, 'other');
    if (base === OPAQUE) {
      this.summary.opaque.push(parent);
      this.add('layout.layer.opaque-whiteout', `opaque whiteout '${e.name}': explicit whiteouts (one .wh.<name> per removed path) are preferred`, e.name);
      return;
    }
    if (base.startsWith(`${WH}${WH}`)) {
      this.add('layout.layer.whiteout-special', `'${e.name}' uses the reserved .wh..wh. prefix but is not an opaque whiteout; tools ignore or reject it`, e.name);
      return;
    }
    const target = base.slice(WH.length);
    if (target === '' || target === '.' || target === '..') {
      this.add('layout.layer.whiteout-bad-name', `whiteout '${e.name}' names no file to remove`, e.name);
      return;
    }
    if (this.dirsWithSubdir.has(parent))
      this.add('layout.layer.whiteout-order', `whiteout '${e.name}' comes after a directory entry in the same directory; whiteouts should come first`, e.name);
    this.summary.whiteouts.push(parent === '' ? target : `${parent}/${target}`);
  }

  private hardlink(e: TarEntry, path: string): void {
    const t = clean(e.linkname);
    if (t.dotdot || t.path === '') {
      this.add('layout.layer.hardlink-escape', `hard link '${e.name}' points to '${e.linkname}', outside the layer's root`, e.name);
      return;
    }
    const through = this.links.size > 0 ? escapeOf(this.links.root, t.path.split('/').slice(0, -1)) : undefined;
    if (through) {
      this.add(
        'layout.layer.hardlink-escape',
        `hard link '${e.name}' points to '${e.linkname}' through symbolic link '${through.link}' -> '${through.target}', outside the layer's root`,
        e.name,
      );
      return;
    }
    const seen = this.summary.entries.get(t.path);
    if (t.path === path || seen === undefined) {
      this.names.used += t.path.length;
      this.summary.pendingLinks.push({ path, target: t.path });
    }
    else if (seen === 'dir') this.add('layout.layer.hardlink-to-directory', `hard link '${e.name}' points to directory '${e.linkname}'; directories cannot be hard-linked`, e.name);
  }

  /** A layer that both adds a path and whites it out: the whiteout can only mean lower layers, which is ambiguous. */
  private sameLayerWhiteouts(): void {
    for (const w of this.summary.whiteouts)
      if (this.summary.entries.has(w))
        this.add('layout.layer.whiteout-same-layer', `'${w}' is both added and whited out in this layer; a whiteout only removes what lower layers hold`, w);
  }
}
