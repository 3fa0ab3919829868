/**
 * Is this host pid the container's process? Before a case reads /proc/<pid>,
 * the harness asks, so a runtime that names the wrong process (pid 1, a pid
 * outside the container's namespaces, a dead pid) is a violation with this
 * evidence, not an EACCES or ENOENT thrown from deep inside an inspection.
 */
import { readFile } from 'node:fs/promises';
import { errnoCode } from '../../core/errors.js';
import { namespaceId, sameNamespace } from './namespaces.js';

export type PidProblemKind = 'host-init' | 'ourselves' | 'dead' | 'uninspectable' | 'outside-namespace';

export interface PidProblem {
  readonly kind: PidProblemKind;
  /** One line of evidence: what the host sees at that pid. */
  readonly message: string;
}

async function comm(pid: number): Promise<string> {
  return (await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '?')).trim();
}

/**
 * Undefined when `pid` can be the container process: alive, inspectable, not
 * pid 1 or ourselves, and (when the config gives the container a new pid
 * namespace) not in ours. Otherwise what is wrong with it.
 */
export async function whyNotContainerProcess(pid: number, o: { readonly newPidNamespace: boolean }): Promise<PidProblem | undefined> {
  if (!Number.isInteger(pid) || pid <= 0) return { kind: 'dead', message: `${pid} is not a process id` };
  if (pid === 1) return { kind: 'host-init', message: `pid 1 is the init of oci-conform's pid namespace (${await comm(1)}), not a container process` };
  if (pid === process.pid) return { kind: 'ourselves', message: `pid ${pid} is oci-conform itself` };
  try {
    await readFile(`/proc/${pid}/stat`, 'utf8');
  } catch (e) {
    return { kind: 'dead', message: `no process ${pid} on the host (/proc/${pid}/stat: ${errnoCode(e) ?? (e as Error).message})` };
  }
  let theirs;
  try {
    theirs = await namespaceId(pid, 'pid');
  } catch (e) {
    const code = errnoCode(e);
    if (code === 'ENOENT' || code === 'ESRCH') return { kind: 'dead', message: `process ${pid} ended while it was looked at (${code})` };
    return { kind: 'uninspectable', message: `the host can't inspect process ${pid} (${await comm(pid)}): /proc/${pid}/ns/pid gives ${code ?? (e as Error).message}` };
  }
  if (o.newPidNamespace && sameNamespace(theirs, await namespaceId('self', 'pid'))) {
    return { kind: 'outside-namespace', message: `process ${pid} (${await comm(pid)}) is in oci-conform's own pid namespace (${theirs.link}), but the config gives the container a new one` };
  }
  return undefined;
}
