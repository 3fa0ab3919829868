/**
 * How the process is scheduled, as set by process.scheduler and
 * process.ioPriority (both 1.1.0 on), one case per policy or class: what the
 * host reads (/proc/<pid>/stat, ionice -p) matches what the config set.
 * Lowering priority needs no privilege.
 */
import { type CaseDefinition, defineCase, HOLD, type JsonObject, readIoPriority, readSched, startHeld } from '../../case.js';

/** process.scheduler.<slug>: `scheduler` (policy, and nice where it applies) is the scheduling /proc/<pid>/stat shows. */
export function schedulerCase(slug: string, scheduler: { readonly policy: string; readonly nice?: number }): CaseDefinition {
  return defineCase({
    id: `process.scheduler.${slug}`,
    title: `process.scheduler ${scheduler.policy} is the scheduling of the process`,
    requirements: ['CFG-SCHEDULER-APPLIED'],
    config: (c) => c.withScript(HOLD).merge({ process: { scheduler: { ...scheduler } } }),
    run: async (ctx) => {
      ctx.expectMatch('CFG-SCHEDULER-APPLIED', 'scheduling of the process (/proc/<pid>/stat)', { ...scheduler }, await readSched(await startHeld(ctx)));
    },
  });
}

export interface IoPriorityRow {
  readonly slug: string;
  readonly ioPriority: { readonly class: string; readonly priority: number };
  /** The part of ionice's answer that must match (the idle class has no level to compare). */
  readonly expected: JsonObject;
}

/** process.io-priority.<slug>: `ioPriority` is the io priority ionice -p reads. */
export function ioPriorityCase(row: IoPriorityRow): CaseDefinition {
  const { slug, ioPriority, expected } = row;
  return defineCase({
    id: `process.io-priority.${slug}`,
    title: `process.ioPriority ${ioPriority.class} is the io priority of the process`,
    requirements: ['CFG-IOPRIORITY-APPLIED'],
    config: (c) => c.withScript(HOLD).merge({ process: { ioPriority: { ...ioPriority } } }),
    run: async (ctx) => {
      const got = await readIoPriority(await startHeld(ctx));
      if (!got) ctx.skip('the io priority is unreadable here (util-linux ionice -p failed or is missing on the host)');
      ctx.expectMatch('CFG-IOPRIORITY-APPLIED', 'io priority of the process (ionice -p)', expected, got);
    },
  });
}
