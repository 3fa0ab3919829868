/**
 * The program `start` runs, found in the container's root (after pivot_root)
 * as execvp finds a file: args[0] with a slash is a path (from process.cwd),
 * one without is looked up in the PATH of process.env (execvp's default when
 * there is none). Not finding it is an error of create, as runc reports it,
 * before the container is declared created. The program may not be the
 * runtime's own executable (the node binary the init runs on, reachable as
 * /proc/self/exe): running it inside would hand the container a host file it
 * could try to rewrite (the CVE-2019-5736 class).
 */
import { statSync, type Stats } from 'node:fs';
import type { Process } from '../spec.js';

const EXECVP_DEFAULT_PATH = '/bin:/usr/bin';

export interface Program {
  readonly path: string;
  readonly args: readonly string[];
  readonly env: readonly string[];
}

function executable(p: string): Stats | undefined {
  try {
    const s = statSync(p);
    return s.isFile() && (s.mode & 0o111) !== 0 ? s : undefined;
  } catch {
    return undefined;
  }
}

export function resolveProgram(p: Process, runtimeExe: Stats): Program {
  const args = p.args ?? [];
  const env = p.env ?? [];
  const name = args[0];
  if (name === undefined || name === '') throw new Error('process.args is empty: there is no program to run');
  let path: string | undefined;
  let found: Stats | undefined;
  if (name.includes('/')) {
    found = executable(name);
    if (!found) throw new Error(`process.args[0] ${name}: no executable file at that path in the container`);
    path = name;
  } else {
    const search = env.find((e) => e.startsWith('PATH='))?.slice(5) ?? EXECVP_DEFAULT_PATH;
    for (const dir of search.split(':')) {
      const candidate = `${dir === '' ? '.' : dir}/${name}`;
      found = executable(candidate);
      if (found) {
        path = candidate;
        break;
      }
    }
    if (!path || !found) throw new Error(`process.args[0] ${name}: not found in the container's PATH (${search})`);
  }
  if (found.dev === runtimeExe.dev && found.ino === runtimeExe.ino) {
    throw new Error(`process.args[0] ${name}: it is the runtime's own executable (${process.execPath}); a container may not run it`);
  }
  return { path, args, env };
}
