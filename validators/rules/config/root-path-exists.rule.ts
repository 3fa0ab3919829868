/**
 * For a bundle's config.json: a directory must exist at root.path. A relative
 * path (and an absolute one inside the bundle) is walked one component at a
 * time with lstat, so a symlink that leads out of the bundle is reported and
 * never followed. An absolute path outside the bundle is the caller's own
 * choice of host directory and is checked as it stands.
 */
import { lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { defineRule } from '../rule.js';
import type { InheritedFinding } from '../rule.js';
import { asString, at } from '../../json/values.js';
import { isWindows } from './platform.js';

const MAX_LINKS = 40; // as the kernel's ELOOP limit

export type RootfsCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'missing' | 'not-directory' | 'escapes' | 'loop' | 'unreadable'; readonly at: string; readonly detail?: string };

function inside(base: string, p: string): string[] | undefined {
  const rel = relative(base, p);
  if (rel === '') return [];
  if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(sep);
}

/** Resolves `parts` under `bundle` (a real path) without leaving it. */
export function checkInBundle(bundle: string, parts: readonly string[]): RootfsCheck {
  const todo = parts.filter((p) => p !== '' && p !== '.');
  const done: string[] = [];
  let links = 0;
  while (todo.length > 0) {
    const part = todo.shift()!;
    if (part === '..') {
      if (done.length === 0) return { ok: false, reason: 'escapes', at: '..' };
      done.pop();
      continue;
    }
    const here = join(bundle, ...done, part);
    let st;
    try {
      st = lstatSync(here);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return { ok: false, reason: 'missing', at: join(...done, part) };
      if (code === 'ENOTDIR') return { ok: false, reason: 'not-directory', at: join(...done) };
      return { ok: false, reason: 'unreadable', at: join(...done, part), detail: code ?? String(e) };
    }
    if (st.isSymbolicLink()) {
      if (++links > MAX_LINKS) return { ok: false, reason: 'loop', at: join(...done, part) };
      const target = readlinkSync(here);
      if (isAbsolute(target)) {
        const within = inside(bundle, target);
        if (!within) return { ok: false, reason: 'escapes', at: join(...done, part), detail: target };
        done.length = 0;
        todo.unshift(...within);
      } else {
        todo.unshift(...target.split('/').filter((p) => p !== '' && p !== '.'));
      }
      continue;
    }
    if (!st.isDirectory()) return { ok: false, reason: 'not-directory', at: join(...done, part) };
    done.push(part);
  }
  return { ok: true };
}

export default defineRule({
  id: 'config.root.path-exists',
  requirements: ['CFG-ROOT-PATH-EXISTS'],
  appliesTo: ['config'],
  *check(doc, ctx) {
    const path = asString(at(doc, 'root', 'path'));
    if (path === undefined || ctx.bundleDir === undefined || isWindows(doc)) return;
    let bundle: string;
    try {
      bundle = realpathSync(ctx.bundleDir);
    } catch {
      return; // the bundle itself is unreadable: the input layer reports that
    }
    const within = isAbsolute(path) ? inside(bundle, resolve(path)) ?? inside(resolve(ctx.bundleDir), resolve(path)) : path.split('/');
    let result: RootfsCheck;
    if (within) result = checkInBundle(bundle, within);
    else {
      try {
        result = statSync(path).isDirectory() ? { ok: true } : { ok: false, reason: 'not-directory', at: path };
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        result = { ok: false, reason: code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable', at: path, detail: code };
      }
    }
    if (result.ok) return;
    yield finding(path, ctx.bundleDir, result);
  },
});

function finding(path: string, bundleDir: string, r: Exclude<RootfsCheck, { ok: true }>): InheritedFinding {
  const where = `root.path ${JSON.stringify(path)} (bundle ${bundleDir})`;
  const base = { pointer: '/root/path', params: { path, reason: r.reason, at: r.at, ...(r.detail ? { detail: r.detail } : {}) } };
  switch (r.reason) {
    case 'missing':
      return { ...base, message: `${where}: no directory there ('${r.at}' does not exist)` };
    case 'not-directory':
      return { ...base, message: `${where}: '${r.at}' is not a directory` };
    case 'escapes':
      return {
        ...base,
        level: 'SHOULD',
        message: `${where}: '${r.at}' leads out of the bundle${r.detail ? ` (symlink to ${r.detail})` : ''}; not followed, so the directory can't be confirmed`,
      };
    case 'loop':
      return { ...base, message: `${where}: too many symlinks at '${r.at}'` };
    case 'unreadable':
      return { ...base, message: `${where}: cannot read '${r.at}' (${r.detail ?? 'error'})` };
  }
}
