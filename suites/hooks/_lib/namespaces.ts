/**
 * The namespaces a hook ran in (the mnt and pid links it logged) against ours
 * (the runtime namespace: the runtime runs in the namespaces of oci-conform)
 * and against the container's (read from the host at /proc/<pid>/ns).
 */
import { type CaseContext, readProcLink, type RequirementId } from '../../case.js';
import { indexOf, type LogEntry } from './rig.js';

export interface NsLinks {
  readonly mnt: string;
  readonly pid: string;
}

export async function nsLinks(pid: number | 'self'): Promise<NsLinks> {
  const [mnt, p] = await Promise.all([readProcLink(pid, 'ns/mnt'), readProcLink(pid, 'ns/pid')]);
  return { mnt, pid: p };
}

/** The hook `label` ran with exactly these mnt and pid namespaces (`side` names them in messages). */
export function expectHookNs<R extends RequirementId>(ctx: CaseContext<R>, req: R, log: readonly LogEntry[], label: string, want: NsLinks, side: string): void {
  const e = log[indexOf(log, label)];
  if (!ctx.expect(req, e?.type === 'hook', { message: `the ${label} hook did not run` }) || e?.type !== 'hook') return;
  ctx.expectEqual(req, `mount namespace of the ${label} hook (${side})`, want.mnt, e.mnt);
  ctx.expectEqual(req, `pid namespace of the ${label} hook (${side})`, want.pid, e.pidns);
}
