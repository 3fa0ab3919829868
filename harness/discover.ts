/**
 * Which runtime binary to drive: --runtime as a path or a name on PATH; by
 * default our own reference runtime once it is built (bin/oci-ts-runtime.js),
 * else the first of runc, crun, youki on PATH.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OciError } from '../core/errors.js';

export const DEFAULT_RUNTIMES = ['runc', 'crun', 'youki'] as const;

function executable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

export function onPath(name: string): string | undefined {
  for (const d of (process.env.PATH ?? '').split(':').filter(Boolean)) {
    const p = join(d, name);
    if (executable(p)) return p;
  }
  return undefined;
}

/** The project's own runtime entry, if built. */
function ownRuntime(): string | undefined {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const p = join(root, 'bin', 'oci-ts-runtime.js');
  return executable(p) ? p : undefined;
}

export interface ResolvedRuntime {
  readonly binary: string;
  /** How it was chosen, for the report header. */
  readonly how: 'option' | 'default';
}

export function resolveRuntime(option: string | undefined): ResolvedRuntime {
  if (option !== undefined) {
    const p = option.includes('/') ? resolve(option) : onPath(option);
    if (!p || !executable(p)) {
      throw new OciError('OCI_CONFORM_RUNTIME_NOT_FOUND', `runtime ${option}: ${option.includes('/') ? 'no executable file at that path' : 'not found on PATH'}`);
    }
    return { binary: p, how: 'option' };
  }
  const own = ownRuntime();
  if (own) return { binary: own, how: 'default' };
  for (const n of DEFAULT_RUNTIMES) {
    const p = onPath(n);
    if (p) return { binary: p, how: 'default' };
  }
  throw new OciError('OCI_CONFORM_RUNTIME_NOT_FOUND', `no runtime given and none of ${DEFAULT_RUNTIMES.join(', ')} is on PATH: pass --runtime PATH`);
}
