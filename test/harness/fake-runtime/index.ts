/**
 * The fake runtime (fake-runtime.mjs beside this file) as an executable for a test: a shell script that runs it
 * under this node with its script file. Each call misbehaves as the script says (the list is in the header of
 * fake-runtime.mjs); everything else goes to the real runc, so the harness's cleanup has something real to remove.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const FAKE = join(import.meta.dirname, 'fake-runtime.mjs');

export type Behaviour = 'behave' | 'hang' | 'crash' | 'behave-crash' | 'garbage' | 'truncated' | 'wrong-status' | 'wrong-pid' | 'noop' | 'orphan' | 'leave-cgroup';
export type Verb = 'create' | 'start' | 'state' | 'kill' | 'delete' | 'features';

export interface FakeScript {
  /** What each verb does (default behave). */
  readonly verbs: Partial<Record<Verb, Behaviour>>;
  /** Only calls whose container id matches this regex misbehave (default: all). */
  readonly match?: string;
  /** The real runtime behind it (default /usr/bin/runc). */
  readonly runc?: string;
}

/** Writes `dir/<name>/runtime` (and its script.json) and returns the executable's path. */
export async function writeFakeRuntime(dir: string, name: string, script: FakeScript): Promise<string> {
  const d = join(dir, name);
  await mkdir(d, { recursive: true });
  await writeFile(join(d, 'script.json'), JSON.stringify(script));
  const exe = join(d, 'runtime');
  // no core dump of a `crash` in the harness's working directory
  await writeFile(exe, `#!/bin/sh\nulimit -c 0\nFAKE_RUNTIME_SCRIPT='${join(d, 'script.json')}' exec '${process.execPath}' '${FAKE}' "$@"\n`, { mode: 0o755 });
  return exe;
}
