/**
 * Killing a runtime call that ran past its timeout together with everything
 * it started (a `create` forks its init, a shell runtime its commands), so
 * that nothing it left holds our pipes or runs on after the call is recorded.
 * The tree is read from /proc/<pid>/task/<tid>/children; each process is
 * stopped before its children are listed, so none can fork between the
 * listing and the kill, and killed once the whole tree is stopped.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Children of one process, over all its threads; empty when it is gone. */
function childrenOf(pid: number): number[] {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const out: number[] = [];
  for (const t of tids) {
    try {
      for (const c of readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').split(/\s+/)) if (c) out.push(Number(c));
    } catch {
      /* thread gone */
    }
  }
  return out;
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    /* already gone */
  }
}

/** SIGKILL to `pid` and all its descendants. */
export function killTree(pid: number): void {
  const tree: number[] = [];
  const queue = [pid];
  const seen = new Set<number>();
  for (let p = queue.shift(); p !== undefined; p = queue.shift()) {
    if (seen.has(p)) continue;
    seen.add(p);
    signal(p, 'SIGSTOP');
    if (p !== pid) tree.push(p);
    queue.push(...childrenOf(p));
  }
  for (const p of [pid, ...tree]) signal(p, 'SIGKILL');
}
